package io.github.deepseekspring.rag.app.widget;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/** The widget's parts: the allowed origins, checked at start-up, and the page language the host page asks for. */
@Configuration(proxyBeanMethods = false)
class WidgetConfiguration {

	/** Request attribute holding the language the widget's iframe page was asked to speak. */
	static final String LOCALE_ATTRIBUTE = WidgetConfiguration.class.getName() + ".locale";

	@Bean
	WidgetOrigins widgetOrigins(WidgetProperties properties) {
		return WidgetOrigins.of(properties);
	}

	/**
	 * Pages speak the browser's language (Accept-Language), as Spring Boot's default resolver does; the widget's page
	 * speaks the one its host page chose ({@code data-lang}).
	 */
	@Bean(DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
	LocaleResolver localeResolver() {
		return new AcceptHeaderLocaleResolver() {

			@Override
			public Locale resolveLocale(HttpServletRequest request) {
				Object chosen = request.getAttribute(LOCALE_ATTRIBUTE);
				return (chosen instanceof Locale locale) ? locale : super.resolveLocale(request);
			}

		};
	}

}
