package io.github.deepseekspring.rag.ingest;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ChunkerTests {

	private final Chunker chunker = new Chunker(40, 10);

	@Test
	void chineseTextIsCutAtSentenceEndsWithinTheTargetAndOverlaps() {
		String sentence = "云帆路由器支持双频并发，覆盖面积约一百二十平方米。";
		List<Chunker.Piece> pieces = chunk(sentence.repeat(12));
		assertThat(pieces).hasSizeGreaterThan(2);
		for (Chunker.Piece piece : pieces) {
			assertThat(TokenEstimate.of(piece.text())).isLessThanOrEqualTo(40);
			assertThat(piece.text()).endsWith("。");
		}
		assertThat(pieces.get(1).text()).startsWith(sentence.substring(0, 10));
	}

	@Test
	void englishSentenceEndsNeedWhiteSpaceSoVersionsAndCodesStayWhole() {
		String text = "Install firmware v1.5 before pairing the YF-MESH-M2 satellite. Error E-1023. means the PPPoE "
				.repeat(6) + "login failed!";
		for (Chunker.Piece piece : chunk(text)) {
			assertThat(piece.text()).doesNotEndWith("v1.").doesNotStartWith("5 ");
		}
		assertThat(String.join("\n", chunk(text).stream().map(Chunker.Piece::text).toList()))
			.contains("v1.5", "YF-MESH-M2", "E-1023.");
	}

	@Test
	void aLongRunWithoutPunctuationNeverSplitsACodeOrASurrogatePair() {
		String text = "蓝牙🙂设备型号YF-AX3000与扩展字𠀀在此" .repeat(20);
		List<Chunker.Piece> pieces = chunk(text);
		assertThat(pieces).hasSizeGreaterThan(1);
		for (Chunker.Piece piece : pieces) {
			assertThat(hasLoneSurrogate(piece.text())).as(piece.text()).isFalse();
			assertThat(piece.text().replace("YF-AX3000", "")).as(piece.text()).doesNotContain("YF-", "AX30", "3000");
		}
	}

	@Test
	void inlineCodeSpansAndFencedBlocksStayWhole() {
		String span = "`curl -X POST http://192.168.1.1/api. Then restart!`";
		String text = ("重启前请先运行命令 " + span + " 再等待两分钟。").repeat(6);
		for (Chunker.Piece piece : chunk(text)) {
			assertThat(piece.text().chars().filter((c) -> c == '`').count() % 2).as(piece.text()).isZero();
			assertThat(piece.text()).doesNotContain("api.\n");
		}
		String fence = "```\nping 192.168.1.1. ping 8.8.8.8!\n\ntraceroute 8.8.8.8. 再试一次。\n```";
		assertThat(chunk("前言。\n\n" + fence + "\n\n后记。")).extracting(Chunker.Piece::text)
			.anyMatch((t) -> t.contains(fence));
	}

	@Test
	void sectionsKeepTheirHeadingPathAndPage() {
		ParsedDocument document = MarkdownSections.parse("""
				# 保修政策
				总则内容。
				## 保修期限
				### 路由器
				两年。
				## 不保修的情况
				人为损坏。
				""", "fallback");
		assertThat(document.title()).isEqualTo("保修政策");
		assertThat(this.chunker.chunk(document)).extracting(Chunker.Piece::headingPath)
			.containsExactly(List.of(), List.of("保修期限", "路由器"), List.of("不保修的情况"));
	}

	@Test
	void impossibleSizesAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Chunker(100, 100));
		assertThatIllegalArgumentException().isThrownBy(() -> new Chunker(8, 0));
	}

	@Test
	void aLongTableIsCutBetweenRowsAndEveryPieceKeepsTheHeader() {
		StringBuilder table = new StringBuilder("| Plan | Price |\n|---|---|\n");
		for (int plan = 1; plan <= 12; plan++) {
			table.append("| Fiber ").append(plan * 100).append("M | ").append(plan * 20).append(" yuan a month |\n");
		}
		List<Chunker.Piece> pieces = chunk(table.toString());
		assertThat(pieces).hasSizeGreaterThan(1);
		for (Chunker.Piece piece : pieces) {
			assertThat(piece.text()).startsWith("| Plan | Price |\n|---|---|\n| Fiber ");
			assertThat(piece.text().lines()).allMatch((line) -> line.startsWith("|") && line.endsWith("|"));
		}
		assertThat(String.join("\n", pieces.stream().map(Chunker.Piece::text).toList()))
			.contains("| Fiber 100M | 20 yuan a month |", "| Fiber 1200M | 240 yuan a month |");
	}

	private List<Chunker.Piece> chunk(String text) {
		return this.chunker.chunk(new ParsedDocument("t", List.of(new ParsedDocument.Section(List.of(), text, null))));
	}

	private static boolean hasLoneSurrogate(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1)))) {
				return true;
			}
			if (Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)))) {
				return true;
			}
		}
		return false;
	}

}
