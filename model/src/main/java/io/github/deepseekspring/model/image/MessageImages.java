package io.github.deepseekspring.model.image;

import java.util.List;

import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.content.Media;
import org.springframework.ai.content.MediaContent;

/** The images of a conversation: they ride on user messages, the only ones a model takes them on. */
public final class MessageImages {

	private MessageImages() {
	}

	/** The images of one message, checked; an {@link ImageRejectedException} for media a model cannot take. */
	public static List<ChatImage> of(Message message) {
		if (!(message instanceof MediaContent content) || content.getMedia() == null || content.getMedia().isEmpty()) {
			return List.of();
		}
		if (!(message instanceof UserMessage)) {
			throw new ImageRejectedException("Images can be sent on user messages only; a "
					+ message.getMessageType().getValue() + " message carries " + content.getMedia().size());
		}
		return content.getMedia().stream().map(ChatImage::of).toList();
	}

	/** Whether any message of the conversation carries media. */
	public static boolean any(List<Message> messages) {
		for (Message message : messages) {
			if (message instanceof MediaContent content && content.getMedia() != null && !content.getMedia().isEmpty()) {
				return true;
			}
		}
		return false;
	}

	/** Whether any image of the conversation is a link the server would have to fetch (nothing is encoded to tell). */
	public static boolean anyLinked(List<Message> messages) {
		for (Message message : messages) {
			if (message instanceof MediaContent content && content.getMedia() != null) {
				for (Media media : content.getMedia()) {
					if (ChatImage.isLink(media)) {
						return true;
					}
				}
			}
		}
		return false;
	}

}
