package io.github.deepseekspring.rag.app.chat;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageTests {

	@Test
	void detectsByShareOfCjkCharacters() {
		assertThat(Language.detect("YF-AX3000 保修多久？", 0.1)).isEqualTo(Language.ZH);
		assertThat(Language.detect("How long is the YF-AX3000 warranty?", 0.1)).isEqualTo(Language.EN);
		assertThat(Language.detect("What does 保修 mean for the YF-AX3000 router warranty?", 0.1)).isEqualTo(Language.EN);
		assertThat(Language.detect("12345 ???", 0.1)).isEqualTo(Language.ZH);
	}

}
