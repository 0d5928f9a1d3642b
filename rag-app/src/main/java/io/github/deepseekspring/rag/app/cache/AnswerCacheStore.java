package io.github.deepseekspring.rag.app.cache;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.deepseekspring.rag.support.BoundedMaps;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The cache's tables: entries, and the answers served from them. */
class AnswerCacheStore {

	/** Several times the default number of entries (2,000), about 2 KB a vector of the bundled models. */
	private static final int VECTORS_KEPT = 10_000;

	private static final int VECTORS_PER_READ = 500;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	/** Decoded question vectors by entry id, kept by this replica. */
	private final Map<String, float[]> vectors = BoundedMaps.leastRecentlyUsed(VECTORS_KEPT);

	AnswerCacheStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** A stored entry, as the lookup needs it. */
	record Row(String id, String answer, String citationsJson, List<String> citedChunks,
			Map<String, String> documentVersions, BigDecimal costCny, OffsetDateTime createdAt) {

	}

	/** An entry's id, question and question vector. */
	record Candidate(String id, String question, float[] vector) {

	}

	Optional<Row> byKey(String key) {
		return this.jdbc.sql("select * from answer_cache where question_key = ?").param(key).query(this::row).optional();
	}

	Optional<Row> byId(String id) {
		return this.jdbc.sql("select * from answer_cache where id = ?").param(id).query(this::row).optional();
	}

	/**
	 * The entries a question of this language and vector space may match. Their vectors come from memory where this
	 * replica decoded them before (an entry's vector never changes), and from the database, in batches, otherwise:
	 * reading and decoding every entry's vector for every question made the cache slower than the model under load.
	 */
	List<Candidate> candidates(String language, String space) {
		List<Map.Entry<String, String>> entries = this.jdbc
			.sql("select id, question from answer_cache where language = ? and vector_space = ?")
			.params(language, space)
			.query((rs, row) -> Map.entry(rs.getString(1), rs.getString(2)))
			.list();
		Map<String, float[]> found = new HashMap<>();
		List<String> missing = new ArrayList<>();
		for (Map.Entry<String, String> entry : entries) {
			float[] vector = this.vectors.get(entry.getKey());
			if (vector != null) {
				found.put(entry.getKey(), vector);
			}
			else {
				missing.add(entry.getKey());
			}
		}
		for (int from = 0; from < missing.size(); from += VECTORS_PER_READ) {
			this.jdbc.sql("select id, vector from answer_cache where id in (:ids)")
				.param("ids", missing.subList(from, Math.min(missing.size(), from + VECTORS_PER_READ)))
				.query((rs) -> {
					float[] vector = CacheKeys.decode(rs.getString(2));
					this.vectors.put(rs.getString(1), vector);
					found.put(rs.getString(1), vector);
				});
		}
		List<Candidate> candidates = new ArrayList<>(entries.size());
		for (Map.Entry<String, String> entry : entries) {
			float[] vector = found.get(entry.getKey());
			if (vector != null) {
				candidates.add(new Candidate(entry.getKey(), entry.getValue(), vector));
			}
		}
		return candidates;
	}

	/** @return false when another replica stored the same question first */
	boolean insert(String id, String key, CacheEntryDraft draft, String space, float[] vector,
			Map<String, String> versions) {
		try {
			this.jdbc.sql("""
					insert into answer_cache (id, question_key, question, language, vector_space, vector, answer,
					  citations, cited_chunks, document_versions, cost_cny, created_at)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(id, key, draft.question(), draft.language(), space, CacheKeys.encode(vector), draft.answer(),
						draft.citationsJson(), this.json.writeValueAsString(draft.citedChunks()),
						this.json.writeValueAsString(versions), draft.costCny(), now())
				.update();
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	/** Ratings down minus ratings up of the answers served from the entry. */
	long netDown(String entryId) {
		return this.jdbc.sql("""
				select coalesce(sum(case when f.rating = 'down' then 1 else -1 end), 0)
				from answer_cache_use u join feedback f on f.message_id = u.message_id where u.entry_id = ?""")
			.param(entryId)
			.query(Long.class)
			.single();
	}

	void recordUse(String entryId, String messageId, String matchKind, double similarity, BigDecimal saved) {
		this.jdbc.sql("""
				insert into answer_cache_use (message_id, entry_id, match_kind, similarity, saved_cost_cny, created_at)
				values (?, ?, ?, ?, ?, ?)""")
			.params(messageId, entryId, matchKind, similarity, saved, now())
			.update();
		this.jdbc.sql("update answer_cache set hits = hits + 1, last_hit_at = ? where id = ?").params(now(), entryId)
			.update();
	}

	boolean delete(String id) {
		return this.jdbc.sql("delete from answer_cache where id = ?").param(id).update() > 0;
	}

	int deleteAll() {
		return this.jdbc.sql("delete from answer_cache").update();
	}

	/** Deletes the least recently used entries beyond {@code max}. */
	void trim(int max) {
		List<String> extra = this.jdbc
			.sql("select id from answer_cache order by coalesce(last_hit_at, created_at) desc, id offset ? rows")
			.param(max)
			.query(String.class)
			.list();
		extra.forEach(this::delete);
	}

	List<CacheEntry> entries(int limit) {
		return this.jdbc.sql("""
				select c.id, c.question, c.language, c.answer, c.hits, c.created_at, c.last_hit_at,
				  (select count(*) from answer_cache_use u join feedback f on f.message_id = u.message_id
				   where u.entry_id = c.id and f.rating = 'up') as ups,
				  (select count(*) from answer_cache_use u join feedback f on f.message_id = u.message_id
				   where u.entry_id = c.id and f.rating = 'down') as downs,
				  (select coalesce(sum(u.saved_cost_cny), 0) from answer_cache_use u where u.entry_id = c.id) as saved
				from answer_cache c order by c.hits desc, c.created_at desc limit ?""")
			.param(limit)
			.query((rs, row) -> new CacheEntry(rs.getString("id"), rs.getString("question"), rs.getString("language"),
					rs.getString("answer"), rs.getLong("hits"), rs.getLong("ups"), rs.getLong("downs"),
					rs.getBigDecimal("saved").stripTrailingZeros(), rs.getObject("created_at", OffsetDateTime.class),
					rs.getObject("last_hit_at", OffsetDateTime.class)))
			.list();
	}

	private Row row(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Row(rs.getString("id"), rs.getString("answer"), rs.getString("citations"),
				this.json.readValue(rs.getString("cited_chunks"), new TypeReference<List<String>>() {
				}), this.json.readValue(rs.getString("document_versions"), new TypeReference<Map<String, String>>() {
				}), rs.getBigDecimal("cost_cny"), rs.getObject("created_at", OffsetDateTime.class));
	}

	static OffsetDateTime now() {
		return OffsetDateTime.now(ZoneOffset.UTC);
	}

}
