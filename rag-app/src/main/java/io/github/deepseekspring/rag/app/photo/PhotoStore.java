package io.github.deepseekspring.rag.app.photo;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.github.deepseekspring.model.image.ImageFormat;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Photos in the database, beside the conversation they belong to, so every replica serves them and erasing the
 * conversation erases them. All photos together stay within a byte budget: past it the oldest lose their bytes.
 */
public class PhotoStore {

	private final JdbcClient jdbc;

	private final long budget;

	public PhotoStore(JdbcClient jdbc, PhotoProperties properties) {
		this.jdbc = jdbc;
		this.budget = properties.storageBudget().toBytes();
	}

	/** Stores the photos of a question (inside the caller's transaction, with the question itself). */
	public void save(String conversationId, String messageId, List<Photo> photos) {
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		for (int i = 0; i < photos.size(); i++) {
			Photo photo = photos.get(i);
			this.jdbc.sql("""
					insert into chat_photo (id, conversation_id, message_id, position, format, sha256, size_bytes, data,
					  created_at)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(UUID.randomUUID().toString(), conversationId, messageId, i, photo.format().name(), photo.sha256(),
						photo.bytes().length, photo.bytes(), now)
				.update();
		}
		if (!photos.isEmpty()) {
			keepWithinBudget();
		}
	}

	/** The photos of a conversation by the question they were attached to, in order (without their bytes). */
	public Map<String, List<StoredPhoto>> forConversation(String conversationId) {
		Map<String, List<StoredPhoto>> byMessage = new LinkedHashMap<>();
		this.jdbc.sql("""
				select id, message_id, format, sha256, size_bytes, data is not null as kept from chat_photo
				where conversation_id = ? order by created_at, message_id, position""")
			.param(conversationId)
			.query((rs, row) -> new StoredPhoto(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getLong(5), rs.getBoolean(6)))
			.list()
			.forEach((photo) -> byMessage.computeIfAbsent(photo.messageId(), (id) -> new java.util.ArrayList<>())
				.add(photo));
		return byMessage;
	}

	/** The kept photos of a conversation with their bytes, by question, in order: to show them to the model again. */
	public Map<String, List<Photo>> photosOf(String conversationId) {
		Map<String, List<Photo>> byMessage = new LinkedHashMap<>();
		this.jdbc.sql("""
				select message_id, format, sha256, data from chat_photo
				where conversation_id = ? and data is not null order by created_at, message_id, position""")
			.param(conversationId)
			.query((rs, row) -> Map.entry(rs.getString(1),
					new Photo(ImageFormat.valueOf(rs.getString(2)), rs.getBytes(4), rs.getString(3))))
			.list()
			.forEach((entry) -> byMessage.computeIfAbsent(entry.getKey(), (id) -> new java.util.ArrayList<>())
				.add(entry.getValue()));
		return byMessage;
	}

	/** One photo of a conversation, if it exists and its bytes are still kept. */
	public Optional<Photo> photo(String conversationId, String photoId) {
		return this.jdbc.sql("select format, sha256, data from chat_photo where id = ? and conversation_id = ? "
				+ "and data is not null")
			.params(photoId, conversationId)
			.query((rs, row) -> new Photo(ImageFormat.valueOf(rs.getString(1)), rs.getBytes(3), rs.getString(2)))
			.optional();
	}

	/** Bytes of all kept photos. */
	public long keptBytes() {
		return this.jdbc.sql("select coalesce(sum(size_bytes), 0) from chat_photo where data is not null")
			.query(Long.class)
			.single();
	}

	/** Drops the bytes of the oldest photos until the kept ones fit the budget. */
	void keepWithinBudget() {
		long excess = keptBytes() - this.budget;
		if (excess <= 0) {
			return;
		}
		List<Map.Entry<String, Long>> oldest = this.jdbc
			.sql("select id, size_bytes from chat_photo where data is not null order by created_at, id")
			.query((rs, row) -> Map.entry(rs.getString(1), rs.getLong(2)))
			.list();
		for (Map.Entry<String, Long> photo : oldest) {
			if (excess <= 0) {
				break;
			}
			this.jdbc.sql("update chat_photo set data = null where id = ?").param(photo.getKey()).update();
			excess -= photo.getValue();
		}
	}

}
