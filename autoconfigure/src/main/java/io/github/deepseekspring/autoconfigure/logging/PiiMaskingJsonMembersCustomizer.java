package io.github.deepseekspring.autoconfigure.logging;

import io.github.deepseekspring.model.privacy.PiiDetector;

import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/**
 * Masks personal data in every string of Spring Boot's structured (JSON) log lines: the message, the error message
 * and MDC values alike. Enable it with
 * {@code logging.structured.json.customizer=io.github.deepseekspring.autoconfigure.logging.PiiMaskingJsonMembersCustomizer}.
 * Strings without digits or {@code @} cost one scan.
 */
public class PiiMaskingJsonMembersCustomizer implements StructuredLoggingJsonMembersCustomizer<Object> {

	@Override
	public void customize(JsonWriter.Members<Object> members) {
		members.applyingValueProcessor(JsonWriter.ValueProcessor.of(String.class, PiiDetector.defaults()::mask));
	}

}
