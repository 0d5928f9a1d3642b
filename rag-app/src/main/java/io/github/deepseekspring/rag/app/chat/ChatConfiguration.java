package io.github.deepseekspring.rag.app.chat;

import io.github.deepseekspring.rag.app.conversation.ConversationStore;
import io.github.deepseekspring.rag.autoconfigure.KnowledgeBaseProperties;
import io.github.deepseekspring.rag.embedding.Embedder;
import io.github.deepseekspring.rag.retrieval.HybridRetriever;
import io.github.deepseekspring.rag.app.security.InstallSecret;
import io.github.deepseekspring.rag.store.KnowledgeStore;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** The customer chat's parts. The model is optional: without one the chat answers from retrieval alone. */
@Configuration(proxyBeanMethods = false)
class ChatConfiguration {

	@Bean
	ChatOwner chatOwner(InstallSecret secret) {
		return new ChatOwner(secret);
	}

	@Bean
	PromptTexts promptTexts(ChatProperties properties) {
		return new PromptTexts(properties);
	}

	@Bean
	KnowledgeLookup knowledgeLookup(HybridRetriever retriever, KnowledgeStore store, Embedder embeddings,
			ChatProperties properties, KnowledgeBaseProperties rag) {
		return new KnowledgeLookup(retriever, store, embeddings, properties, rag.retrieval().candidates());
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
