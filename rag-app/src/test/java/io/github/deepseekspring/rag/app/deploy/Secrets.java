package io.github.deepseekspring.rag.app.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a committed secret looks like, for the checks that none is in the deployment files. */
final class Secrets {

	private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(password|secret|token|api[-_]?key|credential).*");

	/** Values that are placeholders or references, never secrets: empty, ${VAR...}, $(VAR), <describe it>. */
	private static final Pattern PLACEHOLDER = Pattern.compile("|\\$\\{[^}]+}|\\$\\([A-Z0-9_]+\\)|<[^>]+>");

	private static final List<Pattern> KEY_LOOKING = List.of(
			// DeepSeek and OpenAI style API keys
			Pattern.compile("\\bsk-[A-Za-z0-9]{16,}"),
			Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----"),
			// AWS access keys, GitHub and Slack tokens, JWTs
			Pattern.compile("\\bAKIA[0-9A-Z]{16}\\b"), Pattern.compile("\\bgh[pousr]_[A-Za-z0-9]{30,}"),
			Pattern.compile("\\bxox[abpr]-[A-Za-z0-9-]{10,}"),
			Pattern.compile("\\beyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}"),
			// a password or key written out: name = or : followed by a literal that is not a placeholder
			Pattern.compile("(?i)(password|passwd|secret|api[-_]?key|token)[\"']?[ \\t]*[:=][ \\t]*[\"']?(?![\"'<$\\s{(?-])[^\\s\"',}]{6,}"));

	private Secrets() {
	}

	static boolean isSecretName(String name) {
		return SECRET_NAME.matcher(name).matches();
	}

	static boolean isPlaceholder(String value) {
		return PLACEHOLDER.matcher(value.strip()).matches();
	}

	/** Excerpts of the text that look like a secret. */
	static List<String> keyLooking(String text) {
		List<String> found = new ArrayList<>();
		for (Pattern pattern : KEY_LOOKING) {
			Matcher matcher = pattern.matcher(text);
			while (matcher.find()) {
				found.add(matcher.group());
			}
		}
		return found;
	}

}
