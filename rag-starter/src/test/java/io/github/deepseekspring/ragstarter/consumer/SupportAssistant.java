package io.github.deepseekspring.ragstarter.consumer;

import io.github.deepseekspring.rag.KnowledgeBase;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.rag.advisor.RetrievalAugmentationAdvisor;
import org.springframework.ai.rag.retrieval.search.DocumentRetriever;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/** The README's "Build your own RAG app" snippet, compiled and run by the consumer tests. */
@Component
class SupportAssistant {

	private final KnowledgeBase knowledgeBase;

	private final DocumentRetriever knowledgeBaseRetriever;

	private final ChatClient.Builder chatClientBuilder;

	SupportAssistant(KnowledgeBase knowledgeBase, DocumentRetriever knowledgeBaseRetriever,
			ChatClient.Builder chatClientBuilder) {
		this.knowledgeBase = knowledgeBase;
		this.knowledgeBaseRetriever = knowledgeBaseRetriever;
		this.chatClientBuilder = chatClientBuilder;
	}

	void learn(Resource document) {
		this.knowledgeBase.ingest(document);
	}

	String answer(String question) {
		return this.chatClientBuilder.build()
			.prompt()
			.advisors(RetrievalAugmentationAdvisor.builder().documentRetriever(this.knowledgeBaseRetriever).build())
			.user(question)
			.call()
			.content();
	}

}
