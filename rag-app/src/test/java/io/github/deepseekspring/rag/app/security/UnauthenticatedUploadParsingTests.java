package io.github.deepseekspring.rag.app.security;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import io.github.deepseekspring.rag.app.chat.ChatHttpAccess;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attack: anonymous 20 MB multipart uploads to paths that check a CSRF token, each read whole and written to disk
 * (looking for the token) before the 403. Such a request is refused while most of its body has not even been sent.
 */
@ChatHttpAccess.ChatApp
class UnauthenticatedUploadParsingTests {

	private static final String BOUNDARY = "attack-boundary-7d1f";

	@Value("${local.server.port}")
	int port;

	@Test
	void anAnonymousUploadToTheApiIsRefusedBeforeItsBodyIsRead() throws Exception {
		assertThat(statusWhileBodyIsIncomplete("/api/kb/documents")).isEqualTo(401);
	}

	@Test
	void anAnonymousUploadToAnAdminPageIsRefusedBeforeItsBodyIsRead() throws Exception {
		assertThat(statusWhileBodyIsIncomplete("/admin/kb")).isIn(302, 401, 403);
	}

	@Test
	void anAnonymousUploadToTheLoginFormIsRefusedBeforeItsBodyIsRead() throws Exception {
		assertThat(statusWhileBodyIsIncomplete("/login")).isIn(302, 401, 403);
	}

	/**
	 * Announces a 20 MB multipart body, sends its first 64 KB and then nothing: a server that parses the body before
	 * deciding waits for the rest and never answers (the read times out); one that refuses first answers at once.
	 */
	private int statusWhileBodyIsIncomplete(String path) throws Exception {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + this.port + "\r\n"
					+ "Content-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\n"
					+ "Content-Length: " + (20 * 1024 * 1024) + "\r\nAccept: text/html\r\n\r\n"
					+ "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.md\"\r\n"
					+ "Content-Type: text/markdown\r\n\r\n";
			out.write(head.getBytes(StandardCharsets.US_ASCII));
			out.write(new byte[64 * 1024]);
			out.flush();
			BufferedReader reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
			String statusLine = reader.readLine();
			assertThat(statusLine).startsWith("HTTP/1.1 ");
			return Integer.parseInt(statusLine.substring(9, 12));
		}
	}

}
