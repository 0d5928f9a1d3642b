package io.github.deepseekspring.rag.app.widget;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.deepseekspring.rag.app.security.SecuritySettingException;

/**
 * The origins allowed to embed the widget, checked once at start-up: anything but a plain {@code scheme://host[:port]}
 * (a path, a wildcard, a typo) stops the start naming the property, because a CSP source with a path or a stray
 * keyword would silently allow more, or less, than the operator meant.
 */
public final class WidgetOrigins {

	static final String PROPERTY = "deepseek.rag.widget.allowed-origins";

	private final List<String> origins;

	private WidgetOrigins(List<String> origins) {
		this.origins = List.copyOf(origins);
	}

	/** @throws SecuritySettingException when an entry is not an http(s) origin */
	public static WidgetOrigins of(WidgetProperties properties) {
		List<String> origins = new ArrayList<>();
		for (String entry : properties.allowedOrigins()) {
			if (entry == null || entry.isBlank()) {
				continue;
			}
			origins.add(normalized(entry.strip()));
		}
		return new WidgetOrigins(origins);
	}

	private static String normalized(String entry) {
		String candidate = entry.endsWith("/") ? entry.substring(0, entry.length() - 1) : entry;
		try {
			URI uri = new URI(candidate);
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			boolean plain = uri.getHost() != null && uri.getRawUserInfo() == null
					&& (uri.getRawPath() == null || uri.getRawPath().isEmpty()) && uri.getRawQuery() == null
					&& uri.getRawFragment() == null;
			if ((scheme.equals("http") || scheme.equals("https")) && plain) {
				return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT)
						+ ((uri.getPort() >= 0) ? ":" + uri.getPort() : "");
			}
		}
		catch (URISyntaxException ex) {
			// reported below
		}
		throw new SecuritySettingException(PROPERTY, "contains '" + entry + "', which is not an origin",
				"List the sites as scheme://host[:port], comma-separated, e.g. "
						+ "https://shop.example.com,https://www.example.com:8443 (no path, no wildcard).");
	}

	/** Whether a request's {@code Origin} header names an allowed site. */
	public boolean allows(String origin) {
		return origin != null && this.origins.contains(origin.toLowerCase(Locale.ROOT));
	}

	/** The CSP {@code frame-ancestors} sources: the allowed origins, or {@code 'none'} when there are none. */
	public String frameAncestors() {
		return this.origins.isEmpty() ? "'none'" : String.join(" ", this.origins);
	}

	public List<String> origins() {
		return this.origins;
	}

}
