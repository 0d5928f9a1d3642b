package io.github.deepseekspring.rag.app.widget;

import java.util.List;

import io.github.deepseekspring.rag.app.security.SecuritySettingException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The allowed origins are plain origins, or the start fails naming the property. */
class WidgetOriginsTests {

	@Test
	void originsAreNormalisedIntoFrameAncestors() {
		WidgetOrigins origins = WidgetOrigins
			.of(new WidgetProperties(List.of(" https://Shop.Example.com/ ", "http://localhost:8081", "")));
		assertThat(origins.origins()).containsExactly("https://shop.example.com", "http://localhost:8081");
		assertThat(origins.frameAncestors()).isEqualTo("https://shop.example.com http://localhost:8081");
		assertThat(origins.allows("https://SHOP.example.com")).isTrue();
		assertThat(origins.allows("https://shop.example.com:444")).isFalse();
		assertThat(origins.allows("null")).isFalse();
		assertThat(origins.allows(null)).isFalse();
	}

	@Test
	void noOriginsMeansNoSiteMayFrameTheChat() {
		WidgetOrigins none = WidgetOrigins.of(new WidgetProperties(null));
		assertThat(none.frameAncestors()).isEqualTo("'none'");
		assertThat(none.allows("https://shop.example.com")).isFalse();
	}

	@Test
	void anythingButAnOriginStopsTheStart() {
		for (String bad : List.of("*", "https://*.example.com", "shop.example.com", "https://shop.example.com/path",
				"ftp://shop.example.com", "https://user@shop.example.com", "'self'", "https://shop.example.com?x")) {
			assertThatExceptionOfType(SecuritySettingException.class)
				.as(bad)
				.isThrownBy(() -> WidgetOrigins.of(new WidgetProperties(List.of(bad))))
				.satisfies((ex) -> assertThat(ex.property()).isEqualTo("deepseek.rag.widget.allowed-origins"))
				.satisfies((ex) -> assertThat(ex.action()).contains("scheme://host[:port]"));
		}
	}

}
