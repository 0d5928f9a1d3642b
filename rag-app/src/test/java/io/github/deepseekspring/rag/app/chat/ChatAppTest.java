package io.github.deepseekspring.rag.app.chat;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.github.deepseekspring.autoconfigure.test.UseDeepSeekSimulator;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The application on a random port with the sample knowledge base, a private in-memory database and the DeepSeek
 * simulator. Every chat test class uses exactly this, so they share one application context. It runs as deployed
 * behind a TLS proxy ({@code server.forward-headers-strategy=native}: requests from 127.0.0.1 may say
 * {@code X-Forwarded-Proto: https}), shows the model's reasoning (the streaming tests follow it) and accepts one
 * API key.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "deepseek.rag.store=lucene", "deepseek.rag.data-dir=target/chat-tests/${random.uuid}",
				"spring.datasource.url=jdbc:h2:mem:chat-${random.uuid};DB_CLOSE_DELAY=-1",
				"deepseek.rag.admin.password=test-admin-password", "deepseek.retry.max-attempts=1",
				"deepseek.rag.chat.show-reasoning=true", "deepseek.rag.api-keys=chat-test-key-not-secret",
				"server.forward-headers-strategy=native" })
@UseDeepSeekSimulator
@interface ChatAppTest {

}
