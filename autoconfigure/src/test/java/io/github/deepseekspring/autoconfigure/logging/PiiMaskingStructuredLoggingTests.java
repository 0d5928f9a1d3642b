package io.github.deepseekspring.autoconfigure.logging;

import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.MDC;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** Spring Boot's ECS console logs with the customizer, as an application configures them by properties. */
@ExtendWith(OutputCaptureExtension.class)
class PiiMaskingStructuredLoggingTests {

	@Test
	void ecsLinesCarryMdcAndMaskPersonalData(CapturedOutput output) {
		SpringApplication application = new SpringApplication(Empty.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		try (ConfigurableApplicationContext context = application.run("--logging.structured.format.console=ecs",
				"--logging.structured.json.customizer=" + PiiMaskingJsonMembersCustomizer.class.getName(),
				"--spring.main.banner-mode=off")) {
			MDC.put("requestId", "req-12345678");
			try {
				LogFactory.getLog(getClass()).info("customer 13812345678 asked about YF-AX3000");
			}
			finally {
				MDC.remove("requestId");
			}
		}
		String line = output.getOut()
			.lines()
			.filter((l) -> l.contains("asked about"))
			.findFirst()
			.orElseThrow();
		assertThat(line).startsWith("{")
			.contains("\"message\":\"customer 1381***5678 asked about YF-AX3000\"")
			.contains("req-12345678")
			.doesNotContain("13812345678");
	}

	@Configuration(proxyBeanMethods = false)
	static class Empty {

	}

}
