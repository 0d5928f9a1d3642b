package io.github.deepseekspring.rag.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The reference customer-service application: a knowledge base with hybrid retrieval, on the DeepSeek starter. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RagApplication {

	public static void main(String[] args) {
		SpringApplication.run(RagApplication.class, args);
	}

}
