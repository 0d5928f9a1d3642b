package io.github.deepseekspring.rag.app.security;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** Where the install secret comes from, and what it does. */
class InstallSecretTests {

	@TempDir
	Path dataDir;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(Properties.class, CredentialsConfiguration.class)
		.withPropertyValues("deepseek.rag.admin.password=install-secret-test-password");

	@Test
	void aGeneratedSecretIsKeptInTheDataDirectoryForTheOwnerOnlyAndReused() throws Exception {
		InstallSecret first = InstallSecret.generatedIn(this.dataDir);
		Path file = this.dataDir.resolve(InstallSecret.FILE_NAME);
		assertThat(file).exists();
		if (Files.getFileAttributeView(file, java.nio.file.attribute.PosixFileAttributeView.class) != null) {
			assertThat(Files.getPosixFilePermissions(file))
				.isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
		}
		InstallSecret again = InstallSecret.generatedIn(this.dataDir);
		assertThat(again.sign("p", "v")).isEqualTo(first.sign("p", "v"));
		assertThat(InstallSecret.generatedIn(this.dataDir.resolve("other")).sign("p", "v"))
			.isNotEqualTo(first.sign("p", "v"));
	}

	@Test
	void signaturesAndPseudonymsDependOnTheSecretAndThePurpose() {
		InstallSecret secret = InstallSecret.of("install-secret-tests-secret-not-secret-01");
		String signature = secret.sign("chat-owner", "value");
		assertThat(secret.verify("chat-owner", "value", signature)).isTrue();
		assertThat(secret.verify("other-purpose", "value", signature)).isFalse();
		assertThat(secret.verify("chat-owner", "value", signature.substring(1))).isFalse();
		assertThat(secret.pseudonym("ip:127.0.0.1")).matches("ip:[0-9a-f]{16}")
			.isNotEqualTo(InstallSecret.of("another-secret-not-secret-0123456789").pseudonym("ip:127.0.0.1"));
		assertThat(secret.pseudonym("user:admin")).isEqualTo("user:admin");
		assertThat(secret).hasToString("InstallSecret[redacted]");
	}

	@Test
	void theConfiguredSecretIsUsedAndNeverPrinted() {
		this.runner
			.withPropertyValues("deepseek.rag.security.secret=configured-secret-not-secret-0123456789",
					"deepseek.rag.data-dir=" + this.dataDir)
			.run((context) -> {
				assertThat(context.getBean(InstallSecret.class).sign("p", "v"))
					.isEqualTo(InstallSecret.of("configured-secret-not-secret-0123456789").sign("p", "v"));
				assertThat(this.dataDir.resolve(InstallSecret.FILE_NAME)).doesNotExist();
				assertThat(context.getBean(InstallSecretProperties.class).toString()).doesNotContain("configured");
			});
	}

	@Test
	void aShortSecretOrNoneOnKubernetesStopsTheStartNamingTheProperty() {
		this.runner.withPropertyValues("deepseek.rag.security.secret=too-short").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(analysis(context.getStartupFailure()).getAction())
				.contains("deepseek.rag.security.secret", "DEEPSEEK_RAG_SECURITY_SECRET");
		});
		this.runner.withPropertyValues("spring.main.cloud-platform=kubernetes", "deepseek.rag.data-dir=" + this.dataDir)
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(analysis(context.getStartupFailure()).getDescription()).contains("Kubernetes");
			});
	}

	private static FailureAnalysis analysis(Throwable failure) {
		return new SecuritySettingFailureAnalyzer().analyze(failure);
	}

	@EnableConfigurationProperties({ InstallSecretProperties.class, ApiKeyProperties.class, AdminProperties.class,
			AgentProperties.class })
	static class Properties {

	}

}
