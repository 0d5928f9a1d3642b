package io.github.deepseekspring.rag.app.agent;

import io.github.deepseekspring.rag.KnowledgeBase;
import io.github.deepseekspring.rag.app.conversation.ConversationStore;
import io.github.deepseekspring.rag.app.photo.PhotoStore;
import io.github.deepseekspring.rag.app.security.AgentProperties;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The agent inbox's parts: ticket holds, the agent channel and its poller, transcripts (photos included) and FAQ entries. */
@Configuration(proxyBeanMethods = false)
class AgentConfiguration {

	@Bean
	TicketHolds ticketHolds(JdbcClient jdbc, AgentProperties agents) {
		return new TicketHolds(jdbc, agents);
	}

	@Bean
	AgentChannelStore agentChannelStore(JdbcClient jdbc, JsonMapper json) {
		return new AgentChannelStore(jdbc, json);
	}

	@Bean
	ChannelPoller channelPoller(AgentChannelStore store, AgentChannelProperties properties) {
		return new ChannelPoller(store, properties.pollInterval());
	}

	@Bean
	ChannelStreams channelStreams(TicketHolds holds, AgentChannelStore store, ChannelPoller poller,
			AgentProperties agents, AgentChannelProperties properties) {
		return new ChannelStreams(holds, store, poller, agents, properties.keepAlive());
	}

	@Bean
	AgentDesk agentDesk(TicketHolds holds, AgentChannelStore store, AgentProperties agents,
			AgentChannelProperties properties) {
		return new AgentDesk(holds, store, agents, properties.maxMessageLength());
	}

	@Bean
	Transcript transcript(ConversationStore conversations, AgentChannelStore store,
			ObjectProvider<TranscriptPartSource> sources, JsonMapper json) {
		return new Transcript(conversations, store, sources.orderedStream().toList(), json);
	}

	@Bean
	TranscriptPhotos transcriptPhotos(PhotoStore photos) {
		return new TranscriptPhotos(photos);
	}

	@Bean
	FaqEntries faqEntries(KnowledgeBase knowledgeBase) {
		return new FaqEntries(knowledgeBase);
	}

}
