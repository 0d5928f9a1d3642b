package io.github.deepseekspring.rag.app.cache;

import java.time.Clock;

import io.github.deepseekspring.rag.embedding.VectorSpaces;
import io.github.deepseekspring.rag.store.KnowledgeStore;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
class AnswerCacheConfiguration {

	@Bean
	@ConditionalOnMissingBean
	AnswerCache answerCache(JdbcClient jdbc, JsonMapper json, KnowledgeStore knowledge, VectorSpaces spaces,
			AnswerCacheProperties properties) {
		return new AnswerCache(new AnswerCacheStore(jdbc, json), knowledge, spaces, properties, Clock.systemUTC());
	}

}
