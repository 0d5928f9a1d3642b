package io.github.deepseekspring.autoconfigure.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;

import org.springframework.boot.json.JsonWriter;

import static org.assertj.core.api.Assertions.assertThat;

class PiiMaskingLoggingTests {

	@Test
	void converterMasksTheFormattedMessage() {
		LoggerContext context = new LoggerContext();
		LoggingEvent event = new LoggingEvent("test", context.getLogger("test"), Level.INFO,
				"customer {} wrote from {} about {}", null,
				new Object[] { "13812345678", "zhangsan@example.com", "YF-AX3000" });
		assertThat(new PiiMaskingMessageConverter().convert(event))
			.isEqualTo("customer 1381***5678 wrote from zhan****@*******.com about YF-AX3000");
	}

	@Test
	void jsonCustomizerMasksEveryString() {
		JsonWriter<String> writer = JsonWriter.of((members) -> {
			members.add("message", (String m) -> m);
			members.add("error").as((String m) -> "card 4111111111111111");
			members.add("order", "2023110512345675");
			new PiiMaskingJsonMembersCustomizer().customize((JsonWriter.Members) members);
		});
		assertThat(writer.writeToString("call 13812345678"))
			.isEqualTo("{\"message\":\"call 1381***5678\",\"error\":\"card 4111********1111\",\"order\":\"2023110512345675\"}");
	}

}
