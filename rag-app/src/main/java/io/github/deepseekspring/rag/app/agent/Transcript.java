package io.github.deepseekspring.rag.app.agent;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.github.deepseekspring.rag.app.chat.Citation;
import io.github.deepseekspring.rag.app.conversation.ConversationStore;
import io.github.deepseekspring.rag.app.conversation.StoredMessage;
import tools.jackson.databind.json.JsonMapper;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A conversation as the agent reads it: the customer's questions and the bot's answers (with their citations and
 * whatever else {@link TranscriptPartSource}s add), then what was said on the agent channel, in time order.
 */
public class Transcript {

	private final ConversationStore conversations;

	private final AgentChannelStore channel;

	private final List<TranscriptPartSource> sources;

	private final JsonMapper json;

	public Transcript(ConversationStore conversations, AgentChannelStore channel, List<TranscriptPartSource> sources,
			JsonMapper json) {
		this.conversations = conversations;
		this.channel = channel;
		this.sources = List.copyOf(sources);
		this.json = json;
	}

	public List<Entry> of(String conversationId) {
		List<Entry> entries = new ArrayList<>();
		List<Map<String, List<TranscriptPart>>> extra = this.sources.stream()
			.map((source) -> source.parts(conversationId))
			.toList();
		for (StoredMessage message : this.conversations.messages(conversationId)) {
			boolean customer = StoredMessage.USER.equals(message.role());
			List<TranscriptPart> parts = new ArrayList<>();
			parts.add(new TranscriptPart.Text(message.content()));
			if (message.citationsJson() != null) {
				List<Citation> citations = List.of(this.json.readValue(message.citationsJson(), Citation[].class));
				if (!citations.isEmpty()) {
					parts.add(new TranscriptPart.Citations(citations));
				}
			}
			for (Map<String, List<TranscriptPart>> byMessage : extra) {
				parts.addAll(byMessage.getOrDefault(message.id(), List.of()));
			}
			entries.add(new Entry(customer ? ChannelKind.CUSTOMER.wireName() : "assistant", null, message.mode(), null,
					message.createdAt(), parts));
		}
		for (ChannelMessage row : this.channel.after(conversationId, 0)) {
			List<TranscriptPart> parts = new ArrayList<>();
			if (row.text() != null) {
				parts.add(new TranscriptPart.Text(row.text()));
			}
			if (row.citations() != null) {
				parts.add(new TranscriptPart.Citations(row.citations()));
			}
			entries.add(new Entry(row.kind().wireName(), row.author(), null, row.seq(), row.at(), parts));
		}
		entries.sort(Comparator.comparing(Entry::at));
		return entries;
	}

	/**
	 * One entry.
	 *
	 * @param kind {@code customer}, {@code assistant}, or a channel kind ({@code agent}, {@code joined}, …)
	 * @param author the agent's name, for channel rows
	 * @param mode how the bot produced an answer
	 * @param seq the channel seq of a channel row (the {@code after} for its event stream)
	 * @param at when it was written
	 * @param parts its content
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Entry(String kind, String author, String mode, Integer seq, OffsetDateTime at,
			List<TranscriptPart> parts) {

	}

}
