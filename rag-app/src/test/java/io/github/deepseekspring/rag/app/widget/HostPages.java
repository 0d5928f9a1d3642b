package io.github.deepseekspring.rag.app.widget;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/**
 * Two websites of other origins (other ports of 127.0.0.1) that embed the chat widget with the one line the README
 * gives: one the app allows ({@code deepseek.rag.widget.allowed-origins}), one it does not. Each page also frames
 * {@code /widget} directly, as a site that skips the script would (setting {@code window.directLoaded} once that frame
 * has loaded, whatever it shows), and records the widget's console warnings in {@code window.widgetWarnings}, so that a
 * test can wait for the script to have given up. Started once per JVM; the
 * app's port is set by the test once the app runs.
 */
public final class HostPages {

	private static volatile int appPort;

	private static HostPages started;

	private final HttpServer allowed;

	private final HttpServer refused;

	private HostPages() {
		this.allowed = serve();
		this.refused = serve();
	}

	/** The host pages, started on first use. */
	public static synchronized HostPages get() {
		if (started == null) {
			started = new HostPages();
		}
		return started;
	}

	/** The app the pages embed. */
	public static void embed(int port) {
		appPort = port;
	}

	/** Origin of the site the app allows. */
	public String allowedOrigin() {
		return origin(this.allowed);
	}

	/** Origin of a site the app does not allow. */
	public String refusedOrigin() {
		return origin(this.refused);
	}

	private static String origin(HttpServer server) {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	private static HttpServer serve() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			server.createContext("/", (exchange) -> {
				byte[] page = page().getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
				exchange.sendResponseHeaders(200, page.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(page);
				}
			});
			server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String page() {
		String app = "http://127.0.0.1:" + appPort;
		return """
				<!DOCTYPE html>
				<html lang="en"><head><meta charset="utf-8"><title>YunFan shop</title>
				<style>body { font: 16px serif; background: #fafafa; } button { background: red !important; }</style>
				<script>
				  window.widgetWarnings = [];
				  const warn = console.warn.bind(console);
				  console.warn = (...args) => { window.widgetWarnings.push(args.join(' ')); warn(...args); };
				</script></head>
				<body><h1>YunFan shop</h1><p>Order A-1024: one YF-Q7 travel router.</p>
				<iframe id="direct" src="%s/widget" title="direct" width="300" height="200"
				  onload="window.directLoaded = true"></iframe>
				<script src="%s/widget.js" data-lang="en" data-customer="A-1024" async></script>
				</body></html>
				""".formatted(app, app);
	}

}
