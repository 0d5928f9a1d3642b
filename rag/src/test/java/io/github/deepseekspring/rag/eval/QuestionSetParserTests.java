package io.github.deepseekspring.rag.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.List;

import org.junit.jupiter.api.Test;

class QuestionSetParserTests {

    @Test
    void readsOneQuestionPerLineSkippingBlanksAndComments() {
        String jsonl = """
                # warranty questions
                {"query": "保修多久？", "relevant": ["warranty-policy"], "kind": "direct"}

                {"query": "你们卖扫地机器人吗？", "relevant": []}
                {"query": "E-1023"}
                """;
        List<EvalQuestion> questions = QuestionSetParser.parse(jsonl);
        assertThat(questions).extracting(EvalQuestion::query).containsExactly("保修多久？", "你们卖扫地机器人吗？", "E-1023");
        assertThat(questions.get(0).relevant()).containsExactly("warranty-policy");
        assertThat(questions.get(0).answerable()).isTrue();
        assertThat(questions.get(1).answerable()).isFalse();
        assertThat(questions.get(2).kind()).isEqualTo("unlabelled");
    }

    @Test
    void namesTheLineThatIsNotAQuestion() {
        String jsonl = "{\"query\": \"ok\", \"relevant\": [\"a\"]}\n{\"relevant\": [\"a\"]}\n";
        assertThatExceptionOfType(InvalidQuestionSetException.class).isThrownBy(() -> QuestionSetParser.parse(jsonl))
                .withMessageContaining("line 2").withMessageContaining("query");
        assertThatExceptionOfType(InvalidQuestionSetException.class)
                .isThrownBy(() -> QuestionSetParser.parse("{\"query\": \"x\"\n"))
                .withMessageContaining("line 1");
    }

    @Test
    void rejectsAnEmptySet() {
        assertThatExceptionOfType(InvalidQuestionSetException.class).isThrownBy(() -> QuestionSetParser.parse("\n# only\n"))
                .withMessageContaining("empty");
    }
}
