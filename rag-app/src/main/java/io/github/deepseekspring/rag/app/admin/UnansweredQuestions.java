package io.github.deepseekspring.rag.app.admin;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.deepseekspring.rag.embedding.Embedder;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The questions worth a new knowledge base entry: those answered as not covered or whose answer was rated down,
 * grouped by meaning with the application's embeddings (greedy: a question joins the first group whose first question
 * is similar enough, newest questions first).
 */
public class UnansweredQuestions {

	private static final int MAX_EXAMPLES = 5;

	private final JdbcClient jdbc;

	private final Embedder embeddings;

	private final double similarity;

	private final int window;

	/**
	 * @param similarity cosine similarity from which two questions are one group
	 * @param window how many of the newest such questions are grouped
	 */
	public UnansweredQuestions(JdbcClient jdbc, Embedder embeddings, double similarity, int window) {
		this.jdbc = jdbc;
		this.embeddings = embeddings;
		this.similarity = similarity;
		this.window = window;
	}

	/** The groups, largest first. */
	public List<UnansweredGroup> groups() {
		List<Asked> asked = this.jdbc.sql("""
				select q.content, q.created_at
				from message a
				join message q on q.conversation_id = a.conversation_id and q.seq = a.seq - 1
				where a.role = 'assistant' and (a.mode = 'not-covered'
				  or exists (select 1 from feedback f where f.message_id = a.id and f.rating = 'down'))
				order by q.created_at desc
				limit ?""")
			.param(this.window)
			.query((rs, row) -> new Asked(rs.getString(1), rs.getObject(2, OffsetDateTime.class)))
			.list();
		if (asked.isEmpty()) {
			return List.of();
		}
		List<float[]> vectors = this.embeddings.embedPassages(asked.stream().map(Asked::question).toList());
		List<Group> groups = new ArrayList<>();
		for (int i = 0; i < asked.size(); i++) {
			Group home = null;
			for (Group group : groups) {
				if (dot(group.seed, vectors.get(i)) >= this.similarity) {
					home = group;
					break;
				}
			}
			if (home == null) {
				home = new Group(vectors.get(i));
				groups.add(home);
			}
			home.add(asked.get(i));
		}
		return groups.stream()
			.map(Group::view)
			.sorted(Comparator.comparingInt(UnansweredGroup::count).reversed())
			.toList();
	}

	private static double dot(float[] a, float[] b) {
		double sum = 0;
		for (int i = 0; i < a.length; i++) {
			sum += a[i] * b[i];
		}
		return sum;
	}

	private record Asked(String question, OffsetDateTime at) {

	}

	private static final class Group {

		private final float[] seed;

		private final Map<String, Integer> wordings = new LinkedHashMap<>();

		private OffsetDateTime last;

		private int count;

		Group(float[] seed) {
			this.seed = seed;
		}

		void add(Asked asked) {
			this.wordings.merge(asked.question(), 1, Integer::sum);
			this.count++;
			if (this.last == null || asked.at().isAfter(this.last)) {
				this.last = asked.at();
			}
		}

		UnansweredGroup view() {
			String representative = this.wordings.entrySet()
				.stream()
				.max(Map.Entry.<String, Integer>comparingByValue())
				.orElseThrow()
				.getKey();
			return new UnansweredGroup(representative, this.count, this.last,
					this.wordings.keySet().stream().limit(MAX_EXAMPLES).toList());
		}

	}

}
