package io.github.deepseekspring.rag.eval;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/kb/eval}: runs a JSON Lines question set ({@code {query, relevant, kind}} per
 * line) through bm25, vector and hybrid search and answers with the metrics of each mode.
 * Under {@code /api/kb}, so only the admin role reaches it.
 */
@RestController
class RetrievalEvaluationController {

    private final RetrievalEvaluator evaluator;

    RetrievalEvaluationController(RetrievalEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    @PostMapping(path = "/api/kb/eval", consumes = {"application/x-ndjson", "application/jsonl", "application/json",
            "text/plain"})
    EvalReport evaluate(@RequestBody String questionSet) {
        return evaluator.evaluate(QuestionSetParser.parse(questionSet));
    }

    @ExceptionHandler(InvalidQuestionSetException.class)
    ProblemDetail invalidQuestionSet(InvalidQuestionSetException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
        problem.setTitle("Invalid question set");
        return problem;
    }
}
