package io.github.deepseekspring.rag.app.chat;

import java.time.Duration;
import java.util.List;

import io.github.deepseekspring.model.chat.DeepSeekChatOptions;
import io.github.deepseekspring.model.privacy.PiiDetector;
import io.github.deepseekspring.rag.app.cache.AnswerCache;
import io.github.deepseekspring.rag.app.conversation.ConversationStore;
import io.github.deepseekspring.rag.app.photo.PhotoProperties;
import io.github.deepseekspring.rag.app.photo.PhotoStore;
import io.github.deepseekspring.rag.app.photo.Photos;
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
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

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
	TurnPhotos turnPhotos(Photos photos, PhotoStore store, PhotoProperties properties,
			ObjectProvider<ChatModel> model) {
		return new TurnPhotos(photos, store, properties, model);
	}

	/**
	 * The cache's view of the chat. Personal data is recognised as the starter masks it, with the same allowed
	 * values ({@code deepseek.privacy.allowed}: the company's own contacts in answers are no reason not to cache).
	 */
	@Bean
	TurnCache turnCache(AnswerCache cache, JsonMapper json, Environment environment) {
		List<String> allowed = Binder.get(environment)
			.bind("deepseek.privacy.allowed", Bindable.listOf(String.class))
			.orElse(List.of());
		return new TurnCache(cache, PiiDetector.defaults().allowing(allowed), json);
	}

	@Bean
	ChatTurns chatTurns(ConversationStore conversations, KnowledgeLookup lookup, PromptTexts texts,
			ChatProperties properties, JsonMapper json, TurnPhotos photos, TurnCache cache,
			PlatformTransactionManager transactions, ObjectProvider<HeldConversations> held) {
		TurnOutcomes outcomes = new TurnOutcomes(texts, properties, cache);
		return new ChatTurns(
				new TurnPreparation(conversations, lookup, texts, properties, json, photos,
						held.getIfAvailable(() -> HeldConversations.NONE)),
				outcomes,
				new TurnRecorder(conversations, json, photos, cache, outcomes, new TransactionTemplate(transactions)));
	}

	@Bean
	ChatService chatService(ChatTurns turns, ObjectProvider<ChatModel> model, ChatProperties properties) {
		return new ChatService(turns, model, properties);
	}

	@Bean
	ChatStreamService chatStreamService(ChatTurns turns, ChatService chat, ObjectProvider<ChatModel> model,
			ChatProperties properties) {
		return new ChatStreamService(turns, chat, model, properties.eventWindow());
	}

}
