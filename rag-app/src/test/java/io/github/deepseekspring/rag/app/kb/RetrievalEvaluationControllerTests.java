package io.github.deepseekspring.rag.app.kb;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import io.github.deepseekspring.rag.eval.EvalMode;
import io.github.deepseekspring.rag.eval.RankedSearch;
import io.github.deepseekspring.rag.eval.RetrievalEvaluator;
import io.github.deepseekspring.rag.eval.RetrievedDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

class RetrievalEvaluationControllerTests {

    private static final RetrievedDocument WARRANTY = new RetrievedDocument("warranty-policy", "云帆产品保修政策", "warranty-policy.md");
    private static final RetrievedDocument SHIPPING = new RetrievedDocument("shipping", "配送与物流说明", "shipping.md");

    @Test
    void answersTheMetricsOfEveryMode() throws Exception {
        RankedSearch search = (query, mode, limit) -> mode == EvalMode.BM25 ? List.of(SHIPPING, WARRANTY) : List.of(WARRANTY);
        mvc(search).perform(post("/api/kb/eval").contentType("application/x-ndjson").content("""
                {"query": "保修多久？", "relevant": ["warranty-policy"], "kind": "direct"}
                {"query": "你们卖扫地机器人吗？", "relevant": []}
                """))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.scored").value(1))
                .andExpect(jsonPath("$.unanswerable").value(1))
                .andExpect(jsonPath("$.modes[0].mode").value("BM25"))
                .andExpect(jsonPath("$.modes[0].mrr").value(0.5))
                .andExpect(jsonPath("$.modes[2].mode").value("HYBRID"))
                .andExpect(jsonPath("$.modes[2].ndcgAt10").value(1.0));
    }

    @Test
    void aBadLineIsAProblemDetailNamingIt() throws Exception {
        mvc((query, mode, limit) -> List.of()).perform(post("/api/kb/eval").contentType("text/plain").content("{\"relevant\": []}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Invalid question set"))
                .andExpect(jsonPath("$.detail").value(containsString("line 1")));
    }

    @Test
    void withoutASearchTheEndpointSaysSo() throws Exception {
        mvc(null).perform(post("/api/kb/eval").contentType("application/x-ndjson").content("{\"query\": \"q\", \"relevant\": [\"a\"]}"))
                .andExpect(status().isServiceUnavailable());
    }

    private static MockMvc mvc(RankedSearch search) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        if (search != null) {
            beans.addBean("evaluator", new RetrievalEvaluator(search));
        }
        return MockMvcBuilders.standaloneSetup(new RetrievalEvaluationController(beans.getBeanProvider(RetrievalEvaluator.class)))
                .build();
    }
}
