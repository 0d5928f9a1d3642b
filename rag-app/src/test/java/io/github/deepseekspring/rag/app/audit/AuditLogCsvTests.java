package io.github.deepseekspring.rag.app.audit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuditLogCsvTests {

	@Test
	void fieldsAreQuotedAndFormulasDefused() {
		assertThat(AuditLog.csv(null)).isEmpty();
		assertThat(AuditLog.csv("plain")).isEqualTo("plain");
		assertThat(AuditLog.csv("a,b")).isEqualTo("\"a,b\"");
		assertThat(AuditLog.csv("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
		assertThat(AuditLog.csv("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
		assertThat(AuditLog.csv("@SUM(A1)")).startsWith("\"'@");
		assertThat(AuditLog.csv("error:DeepSeekApiException")).isEqualTo("error:DeepSeekApiException");
	}

}
