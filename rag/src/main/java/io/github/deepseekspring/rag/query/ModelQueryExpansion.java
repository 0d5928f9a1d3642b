package io.github.deepseekspring.rag.query;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.github.deepseekspring.rag.support.BoundedMaps;

import org.springframework.ai.chat.client.ChatClient;

/**
 * Expansion by a chat model, in one short call: the question rewritten to stand on its own (what "那它呢？" refers to,
 * from the earlier questions) and translated into the knowledge base's other language (Chinese and English), so an
 * English question finds Chinese passages and the reverse. The instructions come first and never change, so
 * DeepSeek's context cache serves them after the first call. Answers are cached by question and conversation; a model
 * that fails, is slow or answers something unreadable costs nothing but the offline expansion it falls back to.
 *
 * <p>The chat client should answer fast: give it a non-thinking model or options (with the DeepSeek starter,
 * {@code DeepSeekChatOptions} with thinking disabled) and few output tokens.
 */
public final class ModelQueryExpansion implements QueryExpansion {

	private static final Logger logger = LoggerFactory.getLogger(ModelQueryExpansion.class);

	/** The instructions, a stable prefix for the model's context cache. */
	static final String INSTRUCTIONS = """
			You rewrite customer questions for the search engine of a customer-service knowledge base whose \
			documents are in Chinese and in English. You never answer the question.
			Reply with one JSON object and nothing else: {"standalone": "...", "translation": "..."}.
			standalone: the latest question rewritten so that it can be understood without the earlier questions \
			(name what "it", "that", "那", "它" or an omitted subject refers to), in the latest question's language; \
			the question unchanged if it already stands on its own.
			translation: the standalone question translated into the other language (Chinese to English, English to \
			Simplified Chinese). Keep product names, model numbers and error codes exactly as written.""";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int CACHE_SIZE = 2_000;

	/** Model calls run here so that a search can stop waiting for one; virtual threads, so none is held idle. */
	private static final ExecutorService CALLS = Executors.newVirtualThreadPerTaskExecutor();

	private final ChatClient chatClient;

	private final QueryExpansion fallback;

	private final Duration timeout;

	private final Map<String, List<String>> cache = BoundedMaps.leastRecentlyUsed(CACHE_SIZE);

	private final Map<String, String> standalones = BoundedMaps.leastRecentlyUsed(CACHE_SIZE);

	/**
	 * @param chatClient the model to ask
	 * @param fallback the expansion used when the model cannot help in time
	 * @param timeout how long the search waits for the model
	 */
	public ModelQueryExpansion(ChatClient chatClient, QueryExpansion fallback, Duration timeout) {
		this.chatClient = chatClient;
		this.fallback = fallback;
		this.timeout = timeout;
	}

	@Override
	public List<String> wordings(String question, List<String> earlierQuestions) {
		String key = String.join("\n", earlierQuestions) + "\n\n" + question;
		List<String> cached = this.cache.get(key);
		if (cached != null) {
			return cached;
		}
		try {
			Rewrite rewrite = ask(question, earlierQuestions);
			List<String> wordings = withOffline(rewrite, question, earlierQuestions);
			this.cache.put(key, wordings);
			if (rewrite.standalone() != null && !rewrite.standalone().isBlank()) {
				this.standalones.put(key, rewrite.standalone().strip());
			}
			return wordings;
		}
		catch (RuntimeException | TimeoutException | ExecutionException ex) {
			logger.warn("Question rewriting by the model failed ({}); searching without it", ex.toString());
			return this.fallback.wordings(question, earlierQuestions);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return this.fallback.wordings(question, earlierQuestions);
		}
	}

	/** The model's standalone rewrite of a follow-up asked before through {@link #wordings}, if it gave one. */
	@Override
	public Optional<String> standalone(String question, List<String> earlierQuestions) {
		if (earlierQuestions.isEmpty()) {
			return Optional.of(question);
		}
		return Optional.ofNullable(this.standalones.get(String.join("\n", earlierQuestions) + "\n\n" + question));
	}

	private Rewrite ask(String question, List<String> earlierQuestions)
			throws InterruptedException, ExecutionException, TimeoutException {
		StringBuilder prompt = new StringBuilder();
		if (!earlierQuestions.isEmpty()) {
			prompt.append("Earlier questions:\n");
			for (int i = 0; i < earlierQuestions.size(); i++) {
				prompt.append(i + 1).append(". ").append(earlierQuestions.get(i).strip()).append('\n');
			}
		}
		prompt.append("Latest question: ").append(question.strip());
		CompletableFuture<String> answer = CompletableFuture.supplyAsync(
				() -> this.chatClient.prompt().system(INSTRUCTIONS).user(prompt.toString()).call().content(), CALLS);
		try {
			return Rewrite.parse(answer.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS));
		}
		catch (TimeoutException ex) {
			answer.cancel(true);
			throw ex;
		}
	}

	/** The model's wordings, then the offline ones it does not repeat: each has found passages the other missed. */
	private List<String> withOffline(Rewrite rewrite, String question, List<String> earlierQuestions) {
		List<String> wordings = new ArrayList<>(this.fallback.wordings(question, earlierQuestions));
		for (String wording : new String[] { rewrite.standalone(), rewrite.translation() }) {
			if (wording != null && !wording.isBlank() && !wordings.contains(wording.strip())) {
				wordings.add(wording.strip());
			}
		}
		return List.copyOf(wordings);
	}

	/** What the model answered. */
	record Rewrite(String standalone, String translation) {

		/** Reads the model's JSON, inside a Markdown fence or not. */
		static Rewrite parse(String answer) {
			if (answer == null) {
				throw new IllegalStateException("the model answered nothing");
			}
			int start = answer.indexOf('{');
			int end = answer.lastIndexOf('}');
			if (start < 0 || end < start) {
				throw new IllegalStateException("the model did not answer with JSON");
			}
			try {
				JsonNode json = JSON.readTree(answer.substring(start, end + 1));
				return new Rewrite(text(json, "standalone"), text(json, "translation"));
			}
			catch (JacksonException ex) {
				throw new IllegalStateException("the model's JSON is unreadable: " + ex.getOriginalMessage(), ex);
			}
		}

		private static String text(JsonNode json, String field) {
			JsonNode value = json.path(field);
			return value.isString() ? value.asString() : null;
		}

	}

}
