package io.github.deepseekspring.model.privacy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class PiiDetectorTests {

	private final PiiDetector detector = PiiDetector.defaults();

	private List<PiiType> types(String text) {
		return this.detector.find(text).stream().map(PiiMatch::type).toList();
	}

	@ParameterizedTest
	@ValueSource(strings = { "13812345678", "手机13812345678，谢谢", "+86 138 1234 5678", "+86-138-1234-5678",
			"008613812345678", "call 199-0000-1111 now", "(+8615912345678)" })
	void findsMobileNumbers(String text) {
		assertThat(types(text)).containsExactly(PiiType.MOBILE);
	}

	@Test
	void masksMobileKeepingFourAndFour() {
		assertThat(this.detector.mask("手机13812345678，谢谢")).isEqualTo("手机1381***5678，谢谢");
		assertThat(this.detector.mask("tel 138-1234-5678.")).isEqualTo("tel 138-****-5678.");
		assertThat(this.detector.mask("+86 13812345678")).isEqualTo("+86 1381***5678");
	}

	@ParameterizedTest
	@ValueSource(strings = { "11010519491231002X", "身份证号11010519491231002x。", "320106200002294562" })
	void findsResidentIdsWithCheckDigitAndDate(String text) {
		assertThat(types(text)).containsExactly(PiiType.RESIDENT_ID);
	}

	@Test
	void masksResidentId() {
		assertThat(this.detector.mask("ID 11010519491231002X")).isEqualTo("ID 1101**********002X");
	}

	@ParameterizedTest
	@ValueSource(strings = { "6222021234567890128", "6222 0212 3456 7890 128", "6217-0000-1234-5670",
			"4111111111111111", "卡号：4111 1111 1111 1111" })
	void findsCardNumbersPassingLuhn(String text) {
		assertThat(types(text)).containsExactly(PiiType.BANK_CARD);
	}

	@Test
	void masksCardKeepingSeparators() {
		assertThat(this.detector.mask("4111 1111 1111 1111")).isEqualTo("4111 **** **** 1111");
	}

	@ParameterizedTest
	@ValueSource(strings = { "zhang.san@example.com", "写信到 li_si+cs@mail.example.com.cn 吧", "A@b.io" })
	void findsEmails(String text) {
		assertThat(types(text)).containsExactly(PiiType.EMAIL);
	}

	@Test
	void masksEmail() {
		assertThat(this.detector.mask("zhangsan@example.com")).isEqualTo("zhan****@*******.com");
		assertThat(this.detector.mask("mail ab@x.cn")).isEqualTo("mail a*@*.*n");
	}

	@Test
	void emailWinsOverTheMobileNumberInside() {
		assertThat(types("13812345678@qq.com")).containsExactly(PiiType.EMAIL);
	}

	@ParameterizedTest
	@ValueSource(strings = { "北京市海淀区中关村大街27号", "请寄到广东省深圳市南山区科技园路8号3栋1201室", "上海市浦东新区世纪大道100号",
			"地址：杭州市西湖区文三路90号" })
	void findsChineseAddresses(String text) {
		assertThat(types(text)).containsExactly(PiiType.ADDRESS);
	}

	@Test
	void addressKeepsProvinceCityAndDistrict() {
		assertThat(this.detector.mask("寄到北京市海淀区中关村大街27号，谢谢")).isEqualTo("寄到北京市海淀区********，谢谢");
		assertThat(this.detector.mask("广东省深圳市南山区科技园路8号3栋1201室")).startsWith("广东省深圳市南山区*").doesNotContain("1201");
	}

	@ParameterizedTest
	@ValueSource(strings = { "订单号 2023110512345675", "订单 202311051234567890 已发货", "timestamp 1700000000004",
			"epoch 1700000000", "型号 YF-AX3000 的保修期", "SKU YF-AX3000-13812345678", "AB13812345678",
			"138123456789", "1381234567", "11010519491231002Y", "110105194912310021", "440304199013071233",
			"6222021234567890127", "1234 5678 9012 3456", "v1.2.3@4", "第3号线", "我知道3号会到", "版本 2.0.0，端口 8080",
			"价格 ¥1999.00，2026-11-29 10:30:00", "IPv4 192.168.100.200", "temp 13.812345678" })
	void ignoresLookalikes(String text) {
		assertThat(this.detector.find(text)).isEmpty();
		assertThat(this.detector.mask(text)).isSameAs(text);
	}

	@Test
	void findsSeveralInOneText() {
		String text = "我是张三，手机13812345678，邮箱zhangsan@example.com，身份证11010519491231002X，卡号6222021234567890128。";
		assertThat(types(text)).containsExactly(PiiType.MOBILE, PiiType.EMAIL, PiiType.RESIDENT_ID, PiiType.BANK_CARD);
		assertThat(this.detector.mask(text)).doesNotContain("12345678", "zhangsan", "19491231", "2123456789")
			.contains("1381***5678", "6222***********0128");
	}

	@Test
	void staysFastOnLongHostileInput() {
		String hostile = "1".repeat(20_000) + "@" + "a.".repeat(20_000) + "路".repeat(5_000) + "9".repeat(5_000);
		assertTimeoutPreemptively(Duration.ofSeconds(5), () -> this.detector.find(hostile));
	}

	@Test
	void allowedCompanyContactsStay() {
		PiiDetector allowing = this.detector.allowing(List.of("@yunfan.example", "138-0000-8888"));
		String text = "写信给 support@yunfan.example 或拨打 13800008888，我的邮箱 li@mail.example.com";
		assertThat(allowing.mask(text)).contains("support@yunfan.example", "13800008888")
			.doesNotContain("li@mail.example.com");
		assertThat(this.detector.mask(text)).doesNotContain("support@yunfan.example", "13800008888");
	}

}
