package io.github.deepseekspring.rag.app.agent;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import io.github.deepseekspring.rag.KnowledgeBase;
import io.github.deepseekspring.rag.app.chat.ControlCharacters;
import io.github.deepseekspring.rag.app.chat.InvalidMessageException;
import io.github.deepseekspring.rag.ingest.DocumentFormat;
import io.github.deepseekspring.rag.ingest.IngestionResult;

/**
 * The knowledge base learning from agents: a reviewed question and answer becomes an FAQ document ({@code ## Q:}
 * heading, answer below) of its own, ingested like any upload, so that the next customer asking that question gets
 * the answer on the chat's FAQ path, without a model call.
 */
public class FaqEntries {

	static final int MAX_QUESTION = 300;

	static final int MAX_ANSWER = 4000;

	/** A line the Markdown reader would take for a heading, which would cut the answer into another section. */
	private static final Pattern HEADING_LINE = Pattern.compile("(?m)^\\s{0,3}#");

	private final KnowledgeBase knowledgeBase;

	public FaqEntries(KnowledgeBase knowledgeBase) {
		this.knowledgeBase = knowledgeBase;
	}

	/**
	 * @param author the agent (or admin) who reviewed it, kept in the document's source name
	 * @throws InvalidMessageException when the question is not one line or either text is empty, too long, or the
	 * answer holds a heading
	 */
	public IngestionResult save(String question, String answer, String author) {
		String q = clean(question, "question", MAX_QUESTION);
		String a = clean(answer, "answer", MAX_ANSWER);
		if (q.contains("\n") || q.contains("\r")) {
			throw new InvalidMessageException("The question must be one line");
		}
		if (HEADING_LINE.matcher(a).find()) {
			throw new InvalidMessageException("The answer must not contain Markdown headings (lines starting with #)");
		}
		String title = "FAQ: " + q;
		String markdown = "# " + title + "\n\n## Q: " + q + "\n\n" + a + "\n";
		String source = "agent-faq-" + author.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + "-"
				+ UUID.randomUUID().toString().substring(0, 8) + ".md";
		return this.knowledgeBase.ingest(markdown.getBytes(StandardCharsets.UTF_8), DocumentFormat.MARKDOWN, source,
				title);
	}

	private static String clean(String text, String name, int max) {
		String value = (text != null) ? ControlCharacters.strip(text).strip() : "";
		if (value.isEmpty()) {
			throw new InvalidMessageException("The " + name + " is empty");
		}
		if (value.length() > max) {
			throw new InvalidMessageException("The " + name + " is longer than " + max + " characters");
		}
		return value;
	}

}
