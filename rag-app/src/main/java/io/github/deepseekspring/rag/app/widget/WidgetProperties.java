package io.github.deepseekspring.rag.app.widget;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The chat widget other sites embed with {@code <script src="https://support.example.com/widget.js" async>}.
 *
 * @param allowedOrigins origins ({@code scheme://host[:port]}) of the sites that may show the widget: its iframe page
 * is framed only by them (Content-Security-Policy {@code frame-ancestors}), and the script shows its bubble only
 * there. Empty by default: no site may embed the chat until the operator lists it
 */
@ConfigurationProperties("deepseek.rag.widget")
public record WidgetProperties(List<String> allowedOrigins) {

	public WidgetProperties {
		allowedOrigins = (allowedOrigins != null) ? List.copyOf(allowedOrigins) : List.of();
	}

}
