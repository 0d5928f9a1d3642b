package io.github.deepseekspring.autoconfigure;

import io.github.deepseekspring.model.chat.DeepSeekChatModel;
import io.github.deepseekspring.model.privacy.PrivacyMode;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code deepseek.privacy.mode} reaches the chat model. */
class DeepSeekPrivacyPropertiesTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DeepSeekAutoConfiguration.class))
		.withPropertyValues("deepseek.api-key=test-key-not-secret");

	@Test
	void offByDefault() {
		this.runner.run((context) -> assertThat(context.getBean(DeepSeekChatModel.class).privacyMode())
			.isEqualTo(PrivacyMode.OFF));
	}

	@Test
	void maskBinds() {
		this.runner.withPropertyValues("deepseek.privacy.mode=mask")
			.run((context) -> assertThat(context.getBean(DeepSeekChatModel.class).privacyMode())
				.isEqualTo(PrivacyMode.MASK));
	}

	@Test
	void localOnlyBindsWithRelaxedNames() {
		this.runner.withPropertyValues("deepseek.privacy.mode=LOCAL_ONLY")
			.run((context) -> assertThat(context.getBean(DeepSeekChatModel.class).privacyMode())
				.isEqualTo(PrivacyMode.LOCAL_ONLY));
		this.runner.withPropertyValues("deepseek.privacy.mode=local-only")
			.run((context) -> assertThat(context.getBean(DeepSeekChatModel.class).privacyMode())
				.isEqualTo(PrivacyMode.LOCAL_ONLY));
	}

	@Test
	void allowedContactsBind() {
		this.runner.withPropertyValues("deepseek.privacy.mode=mask", "deepseek.privacy.allowed=@example.com,400-820-6688")
			.run((context) -> assertThat(context.getBean(DeepSeekProperties.class).getPrivacy().getAllowed())
				.containsExactly("@example.com", "400-820-6688"));
	}

	@Test
	void unknownModeFailsStartUpNamingTheProperty() {
		this.runner.withPropertyValues("deepseek.privacy.mode=sometimes")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("sometimes"));
	}

}
