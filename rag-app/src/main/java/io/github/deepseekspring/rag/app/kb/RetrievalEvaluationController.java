package io.github.deepseekspring.rag.app.kb;

import java.nio.charset.StandardCharsets;

import io.github.deepseekspring.rag.app.Problems;
import io.github.deepseekspring.rag.eval.EvalReport;
import io.github.deepseekspring.rag.eval.InvalidQuestionSetException;
import io.github.deepseekspring.rag.eval.QuestionSetParser;
import io.github.deepseekspring.rag.eval.RetrievalEvaluator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/kb/eval}: runs a JSON Lines question set ({@code {query, relevant, kind}} per
 * line) through bm25, vector and hybrid search and answers with the metrics of each mode. It lives
 * under {@code /api/kb}, which only the admin role may call.
 *
 * <p>The evaluation is the RAG starter's {@link RetrievalEvaluator} bean; while the application has none, the
 * endpoint answers 503 instead of keeping the application from starting.
 */
@RestController
class RetrievalEvaluationController {

    private final ObjectProvider<RetrievalEvaluator> search;

    RetrievalEvaluationController(ObjectProvider<RetrievalEvaluator> search) {
        this.search = search;
    }

    @PostMapping(path = "/api/kb/eval", consumes = {"application/x-ndjson", "application/jsonl", "application/json",
            "text/plain"})
    EvalReport evaluate(@RequestBody byte[] body) {
        // JSON text is UTF-8 (RFC 8259); a String body would be decoded as ISO-8859-1 when no charset is sent
        String questionSet = new String(body, StandardCharsets.UTF_8);
        RetrievalEvaluator evaluator = search.getIfAvailable();
        if (evaluator == null) {
            throw new SearchUnavailableException();
        }
        return evaluator.evaluate(QuestionSetParser.parse(questionSet));
    }

    @ExceptionHandler(InvalidQuestionSetException.class)
    ProblemDetail invalidQuestionSet(InvalidQuestionSetException ex) {
        return Problems.of(HttpStatus.BAD_REQUEST, "Invalid question set", ex.getMessage());
    }

    @ExceptionHandler(SearchUnavailableException.class)
    ProblemDetail searchUnavailable() {
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "Search unavailable",
                "No knowledge-base search is configured, so there is nothing to evaluate.");
    }

    private static final class SearchUnavailableException extends RuntimeException {
    }
}
