package io.github.deepseekspring.testkit.elasticsearch;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits until an Elasticsearch answers its cluster health with yellow or green. */
final class ElasticsearchHealth {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private ElasticsearchHealth() {
	}

	static void awaitYellow(URI uri, Duration timeout, Supplier<String> diagnostics) {
		awaitYellow(uri, timeout, () -> true, diagnostics);
	}

	/**
	 * @param stillStarting false once the server is known to be gone, so waiting stops early
	 * @param diagnostics what to add to the failure message (typically the tail of the server log)
	 */
	static void awaitYellow(URI uri, Duration timeout, BooleanSupplier stillStarting, Supplier<String> diagnostics) {
		HttpRequest health = HttpRequest.newBuilder(uri.resolve("/_cluster/health?wait_for_status=yellow&timeout=5s"))
			.timeout(Duration.ofSeconds(10))
			.build();
		Instant deadline = Instant.now().plus(timeout);
		while (Instant.now().isBefore(deadline)) {
			if (!stillStarting.getAsBoolean()) {
				throw new IllegalStateException("Elasticsearch at " + uri + " stopped while starting:\n" + diagnostics.get());
			}
			if (answersHealthy(health)) {
				return;
			}
			pause();
		}
		throw new IllegalStateException(
				"Elasticsearch at " + uri + " was not healthy within " + timeout + ":\n" + diagnostics.get());
	}

	private static boolean answersHealthy(HttpRequest health) {
		try {
			return HTTP.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (IOException notYet) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for Elasticsearch", ex);
		}
	}

	private static void pause() {
		try {
			Thread.sleep(250);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for Elasticsearch", ex);
		}
	}

}
