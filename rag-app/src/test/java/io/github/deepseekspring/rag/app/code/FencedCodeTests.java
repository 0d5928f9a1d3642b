package io.github.deepseekspring.rag.app.code;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Extraction of the model's code, and the Java parse check. */
class FencedCodeTests {

	@Test
	void takesTheFirstBlockOfTheRequestedLanguageAndKeepsTheRestAsExplanation() {
		String answer = """
				Here is a shell helper first:

				```bash
				echo hi
				```

				```java
				class A {}
				```
				The class is empty.

				```java
				class B {}
				```
				""";

		FencedCode code = FencedCode.extract(answer, CodeLanguage.JAVA);

		assertThat(code.code()).isEqualTo("class A {}");
		assertThat(code.complete()).isTrue();
		assertThat(code.explanation()).contains("shell helper", "echo hi", "The class is empty.", "class B {}")
			.doesNotContain("class A {}");
		assertThat(code.error(CodeLanguage.JAVA)).isEmpty();
	}

	@Test
	void acceptsAliasesLongerFencesTildesAndFencesInsideTheCode() {
		String answer = "~~~~py title=\"x\"\nprint('```python')\n```\nstill code\n~~~~\nDone.";

		FencedCode code = FencedCode.extract(answer, CodeLanguage.PYTHON);

		assertThat(code.code()).isEqualTo("print('```python')\n```\nstill code");
		assertThat(code.explanation()).isEqualTo("Done.");
	}

	@Test
	void fallsBackToAnUntaggedBlockButNeverToAnotherLanguage() {
		assertThat(FencedCode.extract("```\nfn main() {}\n```", CodeLanguage.RUST).code()).isEqualTo("fn main() {}");

		FencedCode none = FencedCode.extract("```python\nprint(1)\n```\nSorry.", CodeLanguage.GO);
		assertThat(none.found()).isFalse();
		assertThat(none.error(CodeLanguage.GO)).hasValue("The model's answer contains no Go code block.");
		assertThat(FencedCode.extract("No code at all.", CodeLanguage.JAVA).error(CodeLanguage.JAVA)).isPresent();
	}

	@Test
	void reportsABlockCutOffBeforeItsClosingFence() {
		FencedCode code = FencedCode.extract("Sure:\n```ts\nconst x = 1;\nconst y", CodeLanguage.TYPESCRIPT);

		assertThat(code.code()).isEqualTo("const x = 1;\nconst y");
		assertThat(code.complete()).isFalse();
		assertThat(code.error(CodeLanguage.TYPESCRIPT)).hasValueSatisfying((e) -> assertThat(e).contains("cut off"));
	}

	@Test
	void parsesLanguageIdsAndAliasesInAnyCase() {
		assertThat(CodeLanguage.parse("C++")).hasValue(CodeLanguage.CPP);
		assertThat(CodeLanguage.parse(" JS ")).hasValue(CodeLanguage.JAVASCRIPT);
		assertThat(CodeLanguage.parse("cobol")).isEmpty();
		assertThat(CodeLanguage.parse(null)).isEmpty();
		assertThat(CodeLanguage.ids()).contains("java", "python", "javascript", "go");
	}

	@Test
	void javaSyntaxCheckReportsParseErrorsWithLinesAndNothingForValidCode() {
		assertThat(JavaSyntaxCheck.check("class Ok {\n  int twice(int x) { return 2 * x; }\n}\n")).isEmpty();
		// Unknown types and imports are not errors: the check parses, it does not resolve.
		assertThat(JavaSyntaxCheck.check("import com.example.Missing;\nclass Ok { Missing m; }")).isEmpty();

		assertThat(JavaSyntaxCheck.check("class Broken {\n  void f() {\n    int x = ;\n  }\n}"))
			.singleElement()
			.satisfies((error) -> assertThat(error).startsWith("line 3: "));
	}

}
