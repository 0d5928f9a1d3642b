package io.github.deepseekspring.rag.app.chat;

import java.time.Duration;

import io.github.deepseekspring.model.chat.DeepSeekChatOptions;
import io.github.deepseekspring.rag.app.conversation.ConversationStore;
import io.github.deepseekspring.rag.app.security.InstallSecret;
import io.github.deepseekspring.rag.embedding.VectorSpaces;
import io.github.deepseekspring.rag.query.ConversationQueryExpansion;
import io.github.deepseekspring.rag.query.ModelQueryExpansion;
import io.github.deepseekspring.rag.retrieval.HybridRetriever;
import io.github.deepseekspring.rag.retrieval.QuestionRetriever;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The customer chat's parts. The model is optional: without one the chat answers from retrieval alone. */
@Configuration(proxyBeanMethods = false)
class ChatConfiguration {

	/** How long a question waits for the model's rewrite before it is searched without it. */
	private static final Duration QUESTION_REWRITE_TIMEOUT = Duration.ofSeconds(3);

	@Bean
	ChatOwner chatOwner(InstallSecret secret) {
		return new ChatOwner(secret);
	}

	@Bean
	PromptTexts promptTexts(ChatProperties properties) {
		return new PromptTexts(properties);
	}

	@Bean
	KnowledgeLookup knowledgeLookup(QuestionRetriever questions, VectorSpaces spaces, ChatProperties properties) {
		return new KnowledgeLookup(questions, spaces, properties);
	}

	/**
	 * Questions worded for the search: with the conversation's earlier questions, and, when a model is there, its
	 * rewrite of a follow-up and its translation where the passages are in the other language, in one short call
	 * without thinking (the chat's own answers may think; a rewrite must be fast).
	 */
	@Bean
	QuestionRetriever questionRetriever(HybridRetriever retriever, ObjectProvider<ChatModel> model) {
		ChatModel chatModel = model.getIfAvailable();
		if (chatModel == null) {
			return new QuestionRetriever(retriever);
		}
		ChatClient rewriter = ChatClient.builder(chatModel)
			.defaultOptions(DeepSeekChatOptions.builder().thinking(false).temperature(0.0).maxTokens(200))
			.build();
		ConversationQueryExpansion offline = new ConversationQueryExpansion();
		return new QuestionRetriever(retriever, offline,
				new ModelQueryExpansion(rewriter, offline, QUESTION_REWRITE_TIMEOUT));
	}

	@Bean
	ChatTurns chatTurns(ConversationStore conversations, KnowledgeLookup lookup, PromptTexts texts,
			ChatProperties properties, JsonMapper json) {
		return new ChatTurns(conversations, lookup, texts, properties, json);
	}

	@Bean
	ChatService chatService(ChatTurns turns, ObjectProvider<ChatModel> model, ChatProperties properties) {
		return new ChatService(turns, model, properties);
	}

	@Bean
	ChatStreamService chatStreamService(ChatTurns turns, ChatService chat, ObjectProvider<ChatModel> model) {
		return new ChatStreamService(turns, chat, model);
	}

}
