package io.github.deepseekspring.rag.app.limits;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits that keep one client, or all of them together, from exhausting the application and the model budget.
 *
 * @param enabled whether the limits apply at all (default true)
 * @param paths request paths under the per-client rate limit and the body size limit (Spring path patterns)
 * @param rate the per-client token buckets
 * @param concurrency the global cap on model calls in flight, and the line in front of it
 * @param request size limits of requests
 */
@ConfigurationProperties("deepseek.rag.limits")
public record LimitsProperties(Boolean enabled, List<String> paths, Rate rate, Concurrency concurrency,
		Request request) {

	public LimitsProperties {
		enabled = (enabled != null) ? enabled : Boolean.TRUE;
		paths = (paths != null && !paths.isEmpty()) ? List.copyOf(paths)
				: List.of("/api/chat/**", "/api/code/**", "/v1/**");
		rate = (rate != null) ? rate : new Rate(0, 0, 0);
		concurrency = (concurrency != null) ? concurrency : new Concurrency(0, -1, null, null, null, 0, null);
		request = (request != null) ? request : new Request(null, 0, null, null, null);
	}

	/**
	 * Per-client token buckets. A client is its API key once the key was verified, its signed-in user name, or else its
	 * IP address (behind a proxy set {@code server.forward-headers-strategy} so that is the client's); a made-up
	 * Bearer token or conversation cookie does not make a new client. Over the limit the answer is 429 with
	 * {@code Retry-After}.
	 *
	 * @param requestsPerMinute sustained requests per minute and client (default 30)
	 * @param burst requests a client may make at once after a quiet spell (default 10)
	 * @param maxClients clients remembered at once; beyond it idle ones are forgotten (default 100000)
	 */
	public record Rate(int requestsPerMinute, int burst, int maxClients) {

		public Rate {
			requestsPerMinute = (requestsPerMinute > 0) ? requestsPerMinute : 30;
			burst = (burst > 0) ? burst : 10;
			maxClients = (maxClients > 0) ? maxClients : 100_000;
		}

	}

	/**
	 * The global cap on model calls (POST requests to the model paths), sized to what the model backends serve at once,
	 * with a fair line in front of it. Beyond {@code maxCalls} in flight a request waits in line, first come first
	 * served; on the position paths the caller sees its place in line while it waits (the chat's "you are 12th in
	 * line"). When the line is full, or a request waited {@code queueTimeout}, the answer is 503 with
	 * {@code Retry-After} (in a started stream: an error event saying so). One client (as the rate limit counts them)
	 * holds at most {@code maxCallsPerClient} slots and places in line; beyond that its calls are refused with 429 and
	 * {@code Retry-After}, so that it cannot take every slot with long streams.
	 *
	 * @param maxCalls model calls in flight at once (default: what the backends serve at once, from the starter: the
	 * DeepSeek API's {@code deepseek.chat.max-concurrency}, DeepSeek's published per-account limit unless set, plus
	 * the local runtime endpoints' {@code parallel} slots; 16 without a model)
	 * @param queue requests that may wait in line for a slot (default 1000; 0 refuses at once)
	 * @param queueTimeout longest wait in line (default 3m)
	 * @param retryAfter what {@code Retry-After} tells a refused client (default 5s)
	 * @param modelPaths paths whose POST requests are model calls
	 * @param maxCallsPerClient model calls one client may have in flight or in line at once (default 4)
	 * @param positionPaths model paths whose handler waits in line itself, telling the caller its place in its event
	 * stream (default the chat stream); requests to the other model paths wait before their handler runs
	 */
	public record Concurrency(int maxCalls, int queue, Duration queueTimeout, Duration retryAfter,
			List<String> modelPaths, int maxCallsPerClient, List<String> positionPaths) {

		/** Used when no model backend says what it serves. */
		public static final int WITHOUT_BACKEND_CAPACITY = 16;

		public Concurrency {
			maxCalls = Math.max(maxCalls, 0);
			queue = (queue >= 0) ? queue : 1000;
			queueTimeout = (queueTimeout != null && queueTimeout.isPositive()) ? queueTimeout : Duration.ofMinutes(3);
			retryAfter = (retryAfter != null && !retryAfter.isNegative()) ? retryAfter : Duration.ofSeconds(5);
			modelPaths = (modelPaths != null && !modelPaths.isEmpty()) ? List.copyOf(modelPaths)
					: List.of("/api/chat", "/api/chat/stream", "/api/code/**", "/v1/chat/completions",
							"/v1/completions");
			maxCallsPerClient = (maxCallsPerClient > 0) ? maxCallsPerClient : 4;
			positionPaths = (positionPaths != null) ? List.copyOf(positionPaths) : List.of("/api/chat/stream");
		}

		/**
		 * The cap: {@code maxCalls} when set, else what the backends serve at once.
		 * @param backendCapacity calls the backends serve at once, or 0 when unknown
		 */
		public int effectiveMaxCalls(int backendCapacity) {
			if (this.maxCalls > 0) {
				return this.maxCalls;
			}
			return (backendCapacity > 0) ? backendCapacity : WITHOUT_BACKEND_CAPACITY;
		}

	}

	/**
	 * Request size limits. Message length is the chat's own limit ({@code deepseek.rag.chat.max-message-length});
	 * upload file size is {@code spring.servlet.multipart.max-file-size}.
	 *
	 * @param maxBodySize largest request body on the limited paths (default 256KB); larger ones get 413
	 * @param maxFiles most files in one multipart upload (default 10); more get 413
	 * @param uploadPaths paths whose multipart requests are uploads
	 * @param maxPhotoBodySize largest request body on the paths that take photos (default 21MB: three photos of
	 * {@code deepseek.rag.chat.images.max-size} 5MB as base64, and the message); larger ones get 413
	 * @param photoPaths paths whose requests may carry photos (exact paths): the chat's, and the OpenAI-compatible chat
	 * completions, whose messages may hold {@code image_url} parts
	 */
	public record Request(DataSize maxBodySize, int maxFiles, List<String> uploadPaths, DataSize maxPhotoBodySize,
			List<String> photoPaths) {

		public Request {
			maxBodySize = (maxBodySize != null) ? maxBodySize : DataSize.ofKilobytes(256);
			maxFiles = (maxFiles > 0) ? maxFiles : 10;
			uploadPaths = (uploadPaths != null && !uploadPaths.isEmpty()) ? List.copyOf(uploadPaths)
					: List.of("/api/kb/**");
			maxPhotoBodySize = (maxPhotoBodySize != null) ? maxPhotoBodySize : DataSize.ofMegabytes(21);
			photoPaths = (photoPaths != null && !photoPaths.isEmpty()) ? List.copyOf(photoPaths)
					: List.of("/api/chat", "/api/chat/stream", "/v1/chat/completions");
		}

	}

}
