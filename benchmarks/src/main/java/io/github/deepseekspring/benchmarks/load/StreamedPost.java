package io.github.deepseekspring.benchmarks.load;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 POST over a plain blocking socket whose response body is read line by line as it streams (chunked or
 * not): the cheapest client there is, so that thousands of concurrent streams on virtual threads measure the server,
 * not the client. Only what a load test needs: no redirects, no TLS, no compression.
 */
final class StreamedPost implements AutoCloseable {

	private final Socket socket;

	private final InputStream in;

	private final int status;

	private final Map<String, String> headers;

	private final boolean chunked;

	private int chunkLeft;

	private boolean ended;

	private StreamedPost(Socket socket, InputStream in, int status, Map<String, String> headers) {
		this.socket = socket;
		this.in = in;
		this.status = status;
		this.headers = headers;
		this.chunked = "chunked".equalsIgnoreCase(headers.getOrDefault("transfer-encoding", ""));
	}

	/**
	 * Sends the request and reads the status line and headers.
	 * @param extraHeaders header lines without line ends ({@code Name: value})
	 */
	static StreamedPost send(URI uri, String body, String... extraHeaders) throws IOException {
		Socket socket = new Socket();
		socket.setTcpNoDelay(true);
		socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 10_000);
		byte[] content = body.getBytes(StandardCharsets.UTF_8);
		StringBuilder request = new StringBuilder(256).append("POST ")
			.append(uri.getRawPath())
			.append(" HTTP/1.1\r\nHost: ")
			.append(uri.getHost())
			.append(':')
			.append(uri.getPort())
			.append("\r\nContent-Type: application/json\r\nContent-Length: ")
			.append(content.length)
			.append("\r\nConnection: close\r\n");
		for (String header : extraHeaders) {
			request.append(header).append("\r\n");
		}
		request.append("\r\n");
		OutputStream out = socket.getOutputStream();
		out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
		out.write(content);
		out.flush();
		InputStream in = new BufferedInputStream(socket.getInputStream(), 8192);
		String statusLine = readLine(in);
		if (statusLine == null || statusLine.length() < 12) {
			socket.close();
			throw new EOFException("no status line");
		}
		Map<String, String> headers = new LinkedHashMap<>();
		for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
			int colon = line.indexOf(':');
			if (colon > 0) {
				String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
				String value = line.substring(colon + 1).strip();
				headers.merge(name, value, (a, b) -> a + "\n" + b);
			}
		}
		return new StreamedPost(socket, in, Integer.parseInt(statusLine.substring(9, 12)), headers);
	}

	int status() {
		return this.status;
	}

	String header(String name) {
		return this.headers.get(name.toLowerCase(Locale.ROOT));
	}

	/** The next line of the body (without its line end), or null at its end. */
	String nextLine() throws IOException {
		byte[] bytes = new byte[256];
		int length = 0;
		for (;;) {
			int b = read();
			if (b < 0) {
				return (length == 0) ? null : new String(bytes, 0, length, StandardCharsets.UTF_8);
			}
			if (b == '\n') {
				if (length > 0 && bytes[length - 1] == '\r') {
					length--;
				}
				return new String(bytes, 0, length, StandardCharsets.UTF_8);
			}
			if (length == bytes.length) {
				bytes = java.util.Arrays.copyOf(bytes, length * 2);
			}
			bytes[length++] = (byte) b;
		}
	}

	/** Reads and drops the rest of the body. */
	String rest() throws IOException {
		StringBuilder all = new StringBuilder();
		for (String line = nextLine(); line != null; line = nextLine()) {
			all.append(line).append('\n');
		}
		return all.toString();
	}

	private int read() throws IOException {
		if (this.ended) {
			return -1;
		}
		if (!this.chunked) {
			return this.in.read();
		}
		if (this.chunkLeft == 0) {
			String size = readLine(this.in);
			if (size != null && size.isEmpty()) {
				size = readLine(this.in);
			}
			if (size == null) {
				this.ended = true;
				return -1;
			}
			int semicolon = size.indexOf(';');
			this.chunkLeft = Integer.parseInt((semicolon >= 0) ? size.substring(0, semicolon) : size.strip(), 16);
			if (this.chunkLeft == 0) {
				this.ended = true;
				return -1;
			}
		}
		int b = this.in.read();
		if (b >= 0) {
			this.chunkLeft--;
		}
		return b;
	}

	private static String readLine(InputStream in) throws IOException {
		StringBuilder line = new StringBuilder(64);
		for (int b = in.read(); b >= 0; b = in.read()) {
			if (b == '\n') {
				int end = line.length();
				return (end > 0 && line.charAt(end - 1) == '\r') ? line.substring(0, end - 1) : line.toString();
			}
			line.append((char) b);
		}
		return (line.length() == 0) ? null : line.toString();
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

}
