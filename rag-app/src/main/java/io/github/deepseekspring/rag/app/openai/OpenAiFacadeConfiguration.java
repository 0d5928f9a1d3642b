package io.github.deepseekspring.rag.app.openai;

import io.github.deepseekspring.autoconfigure.DeepSeekProperties;
import io.github.deepseekspring.rag.app.chat.ChatProperties;
import io.github.deepseekspring.rag.app.chat.KnowledgeLookup;
import io.github.deepseekspring.rag.app.chat.PromptTexts;
import io.github.deepseekspring.rag.app.security.ApiKeys;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The OpenAI-compatible API: its Bearer-key filter, model catalog and knowledge-base answers. */
@Configuration(proxyBeanMethods = false)
class OpenAiFacadeConfiguration {

	/** Where the OpenAI-compatible API lives: the base URL its clients are given ends with it. */
	static final String PATH = "/v1";

	@Bean
	FilterRegistrationBean<ApiKeyFilter> openAiApiKeyFilter(ApiKeys keys, JsonMapper json) {
		FilterRegistrationBean<ApiKeyFilter> registration = new FilterRegistrationBean<>(new ApiKeyFilter(keys, json));
		registration.addUrlPatterns(PATH + "/*");
		// Before Spring Security: a request without a valid key is refused before anything else looks at it.
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		return registration;
	}

	@Bean
	OpenAiRefusalFormat openAiRefusalFormat(JsonMapper json) {
		return new OpenAiRefusalFormat(json);
	}

	@Bean
	ModelCatalog openAiModelCatalog(ObjectProvider<DeepSeekProperties> deepseek, OpenAiFacadeProperties properties) {
		return new ModelCatalog(deepseek.getIfAvailable(), properties.openai());
	}

	@Bean
	KnowledgeBaseAnswers knowledgeBaseAnswers(KnowledgeLookup lookup, PromptTexts texts, ChatProperties chat) {
		return new KnowledgeBaseAnswers(lookup, texts, chat);
	}

}
