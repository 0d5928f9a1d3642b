package io.github.deepseekspring.model.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stream that reached {@code [DONE]} leaves its connection to the next request, and a server that keeps the body
 * open after {@code [DONE]} does not hold the caller. Served by a bare socket server, so connections can be counted.
 */
class StreamConnectionReuseTests {

	private static final String EVENTS = "data: {\"id\":\"c1\",\"model\":\"deepseek-flash\",\"choices\":[{\"index\":0,"
			+ "\"delta\":{\"content\":\"Hi\"},\"finish_reason\":null}]}\n\ndata: [DONE]\n\n";

	private static final CountDownLatch CLIENT_CLOSED = new CountDownLatch(1);

	private final AtomicInteger connections = new AtomicInteger();

	private ServerSocket server;

	@AfterEach
	void stop() throws IOException {
		this.server.close();
	}

	@Test
	void consecutiveStreamsShareOneConnection() throws IOException {
		DeepSeekApi api = serve(true);
		for (int i = 0; i < 3; i++) {
			List<StreamEvent> events = api.chatStream(request()).collectList().block(Duration.ofSeconds(10));
			assertThat(events).hasSize(1).first().isInstanceOf(StreamEvent.Chunk.class);
		}
		assertThat(this.connections).hasValue(1);
	}

	@Test
	void aBodyLeftOpenAfterDoneIsCutShortly() throws Exception {
		DeepSeekApi api = serve(false);
		// the server never ends the body: only the client cutting it ends this stream
		List<StreamEvent> events = api.chatStream(request()).collectList().block(Duration.ofSeconds(30));
		assertThat(events).hasSize(1);
		assertThat(CLIENT_CLOSED.await(30, TimeUnit.SECONDS)).as("the client closed the connection").isTrue();
	}

	private DeepSeekApi serve(boolean endBody) throws IOException {
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		daemon(() -> {
			while (!this.server.isClosed()) {
				try {
					Socket socket = this.server.accept();
					this.connections.incrementAndGet();
					daemon(() -> answerAll(socket, endBody));
				}
				catch (IOException ex) {
					return;
				}
			}
		});
		return DeepSeekApi.builder()
			.baseUrl("http://127.0.0.1:" + this.server.getLocalPort())
			.apiKey("sk-test-dummy-key")
			.build();
	}

	private static void daemon(Runnable task) {
		Thread thread = new Thread(task, "stream-reuse-server");
		thread.setDaemon(true);
		thread.start();
	}

	private static void answerAll(Socket socket, boolean endBody) {
		try (socket) {
			InputStream in = socket.getInputStream();
			OutputStream out = socket.getOutputStream();
			for (String head = readHead(in); head != null; head = readHead(in)) {
				in.readNBytes(contentLength(head));
				byte[] events = EVENTS.getBytes(StandardCharsets.UTF_8);
				String response = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
						+ Integer.toHexString(events.length) + "\r\n" + EVENTS + "\r\n" + (endBody ? "0\r\n\r\n" : "");
				out.write(response.getBytes(StandardCharsets.UTF_8));
				out.flush();
				if (!endBody) {
					in.readAllBytes();
					CLIENT_CLOSED.countDown();
					return;
				}
			}
		}
		catch (IOException ex) {
			// the client went away
		}
	}

	private static String readHead(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		int matched = 0;
		for (int b = in.read(); b >= 0; b = in.read()) {
			head.write(b);
			matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
			if (matched == 4) {
				return head.toString(StandardCharsets.ISO_8859_1);
			}
		}
		return null;
	}

	private static int contentLength(String head) {
		for (String line : head.split("\r\n")) {
			if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
				return Integer.parseInt(line.substring(15).trim());
			}
		}
		return 0;
	}

	private static ChatCompletionRequest request() {
		return new ChatCompletionRequest("deepseek-flash", List.of(RequestMessage.user("Hi")), null, null, null, null, null,
				null, null, null, null, null, null, null, null, null, null);
	}

}
