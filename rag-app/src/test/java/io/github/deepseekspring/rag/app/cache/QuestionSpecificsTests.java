package io.github.deepseekspring.rag.app.cache;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The half of the cache's guard that reads what a question names: numbers, names, negations. */
class QuestionSpecificsTests {

	private static boolean same(String a, String b) {
		return QuestionSpecifics.of(a).sameAs(QuestionSpecifics.of(b)) && QuestionSpecifics.of(b).sameAs(QuestionSpecifics.of(a));
	}

	@Test
	void anotherNumberOrCodeIsAnotherQuestion() {
		assertThat(same("YF-AX3000 保修多久？", "YF-AX5400 保修多久？")).isFalse();
		assertThat(same("退货要在7天内吗", "退货要在15天内吗")).isFalse();
		assertThat(same("Hold reset for 10 seconds?", "Hold reset for 30 seconds?")).isFalse();
		assertThat(same("套餐签两年多少钱", "套餐签三年多少钱")).isFalse();
		assertThat(same("Does it store two schedules?", "Does it store 2 schedules?")).isTrue();
		assertThat(same("套餐签两年多少钱", "套餐签2年多少钱")).isTrue();
		assertThat(same("a 1,000 GB card", "a 1000 GB card")).isTrue();
	}

	@Test
	void aLoneOneIsAnArticleNotANumber() {
		assertThat(same("一个账号能登几台设备", "账号能登几台设备")).isTrue();
		assertThat(same("Which one is faster?", "Which is faster?")).isTrue();
	}

	@Test
	void namesMustBeNamedByBothAnyCase() {
		assertThat(same("Cloud Plus 怎么退订", "Cloud Basic 怎么退订")).isFalse();
		assertThat(same("Can I pay with WeChat Pay?", "wechat pay ok for paying?")).isTrue();
		assertThat(same("Does the LC-200 work with Alexa?", "does the lc200 work with alexa")).isTrue();
		assertThat(same("Does it ship to the US?", "Does it ship to the UK?")).isFalse();
		assertThat(same("Hi, I'll move next month. Thanks!", "I'll move next month")).isTrue();
		assertThat(same("App 里怎么改密码", "怎么改密码")).isFalse();
	}

	@Test
	void aNegationChangesTheQuestionButAClosingQuestionParticleDoesNot() {
		assertThat(same("签合约要交调测费吗", "不签合约要交调测费吗")).isFalse();
		assertThat(same("Can I use it with a contract?", "Can I use it without a contract?")).isFalse();
		assertThat(same("Which devices can use 5 GHz?", "Which devices can't use 5 GHz?")).isFalse();
		assertThat(same("过户要收费吗", "过户要钱不？")).isTrue();
		assertThat(same("无线网络很慢怎么办", "网络很慢怎么办")).isTrue();
	}

}
