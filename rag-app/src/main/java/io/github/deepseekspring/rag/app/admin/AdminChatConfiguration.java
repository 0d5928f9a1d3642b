package io.github.deepseekspring.rag.app.admin;

import io.github.deepseekspring.autoconfigure.actuate.DeepSeekHealthIndicator;
import io.github.deepseekspring.autoconfigure.actuate.LocalRuntimeHealthIndicator;
import io.github.deepseekspring.model.chat.DeepSeekChatModel;
import io.github.deepseekspring.model.resilience.CircuitBreakers;
import io.github.deepseekspring.rag.app.chat.ChatProperties;
import io.github.deepseekspring.rag.embedding.Embedder;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The chat's admin reports. */
@Configuration(proxyBeanMethods = false)
class AdminChatConfiguration {

	@Bean
	UnansweredQuestions unansweredQuestions(JdbcClient jdbc, Embedder embeddings, ChatProperties properties) {
		return new UnansweredQuestions(jdbc, embeddings, properties.unansweredSimilarity(), 500);
	}

	@Bean
	BackendStatus backendStatus(ObjectProvider<DeepSeekChatModel> model, ObjectProvider<CircuitBreakers> circuits,
			ObjectProvider<DeepSeekHealthIndicator> remoteHealth,
			ObjectProvider<LocalRuntimeHealthIndicator> local, JdbcClient jdbc) {
		return new BackendStatus(model, circuits, remoteHealth, local, jdbc);
	}

}
