package io.github.deepseekspring.rag.query;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConversationQueryExpansionTests {

	private final ConversationQueryExpansion expansion = new ConversationQueryExpansion();

	@Test
	void aFirstQuestionIsSearchedAsItIs() {
		assertThat(this.expansion.wordings("YF-AX3000 保修多久？", List.of())).containsExactly("YF-AX3000 保修多久？");
	}

	@Test
	void aFollowUpIsAlsoSearchedWithTheLatestEarlierQuestions() {
		assertThat(this.expansion.wordings("那 BE7200 呢？", List.of("你好", "运费多少", "YF-AX3000 保修多久？", "电源呢")))
			.containsExactly("那 BE7200 呢？", "运费多少 YF-AX3000 保修多久？ 电源呢 那 BE7200 呢？");
	}

	@Test
	void theContextStaysShortWithTheLatestQuestionsKept() {
		String long1 = "一".repeat(200);
		String long2 = "二".repeat(200);
		assertThat(ConversationQueryExpansion.context(List.of(long1, long2))).isEqualTo(long2);
		assertThat(ConversationQueryExpansion.context(List.of("三".repeat(500)))).hasSize(ConversationQueryExpansion.MAX_CONTEXT);
		assertThat(ConversationQueryExpansion.context(List.of(" ", ""))).isEmpty();
	}

}
