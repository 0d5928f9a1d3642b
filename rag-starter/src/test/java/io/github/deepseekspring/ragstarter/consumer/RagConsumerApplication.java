package io.github.deepseekspring.ragstarter.consumer;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The smallest RAG application a user writes: the two starters on the classpath and one assistant class. */
@SpringBootApplication
public class RagConsumerApplication {

}
