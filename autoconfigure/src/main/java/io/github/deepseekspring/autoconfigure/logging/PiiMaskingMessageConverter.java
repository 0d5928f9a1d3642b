package io.github.deepseekspring.autoconfigure.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.github.deepseekspring.model.privacy.PiiDetector;

/**
 * Logback converter writing the log message with personal data masked (mobile numbers, resident IDs, card numbers,
 * e-mail and postal addresses; see {@link PiiDetector}). Use it in place of {@code %msg} in a pattern layout, e.g. in
 * {@code logback-spring.xml}:
 *
 * <pre>{@code
 * <conversionRule conversionWord="msg" class="io.github.deepseekspring.autoconfigure.logging.PiiMaskingMessageConverter"/>
 * }</pre>
 *
 * For Spring Boot's structured (JSON) logs use {@link PiiMaskingJsonMembersCustomizer}.
 */
public class PiiMaskingMessageConverter extends MessageConverter {

	@Override
	public String convert(ILoggingEvent event) {
		return PiiDetector.defaults().mask(super.convert(event));
	}

}
