package io.github.deepseekspring.rag.app.code;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The languages the code assistant writes, with the fence tags a model may use for each. */
public enum CodeLanguage {

	JAVA("java", "Java"), KOTLIN("kotlin", "Kotlin", "kt"), PYTHON("python", "Python", "py", "python3"),
	JAVASCRIPT("javascript", "JavaScript", "js", "jsx", "node"), TYPESCRIPT("typescript", "TypeScript", "ts", "tsx"),
	GO("go", "Go", "golang"), RUST("rust", "Rust", "rs"), C("c", "C", "h"), CPP("cpp", "C++", "c++", "cc", "cxx", "hpp"),
	CSHARP("csharp", "C#", "c#", "cs"), SQL("sql", "SQL", "postgresql", "mysql"),
	BASH("bash", "Bash", "sh", "shell", "zsh"), HTML("html", "HTML"), CSS("css", "CSS"), JSON("json", "JSON"),
	YAML("yaml", "YAML", "yml");

	private final String id;

	private final String displayName;

	private final Set<String> tags;

	CodeLanguage(String id, String displayName, String... aliases) {
		this.id = id;
		this.displayName = displayName;
		this.tags = Set.copyOf(concat(id, aliases));
	}

	/** The id used in requests and fences, e.g. {@code cpp}. */
	public String id() {
		return this.id;
	}

	/** The name shown to people and models, e.g. {@code C++}. */
	public String displayName() {
		return this.displayName;
	}

	/** Whether a fence info string (its first word) names this language. */
	public boolean matchesFenceTag(String tag) {
		return tag != null && this.tags.contains(tag.toLowerCase(Locale.ROOT));
	}

	/** The language for an id or alias, any case. */
	public static Optional<CodeLanguage> parse(String value) {
		if (value == null || value.isBlank()) {
			return Optional.empty();
		}
		String tag = value.strip();
		return Arrays.stream(values()).filter((l) -> l.matchesFenceTag(tag)).findFirst();
	}

	/** The ids of every supported language, in order. */
	public static List<String> ids() {
		return Arrays.stream(values()).map(CodeLanguage::id).toList();
	}

	private static List<String> concat(String id, String... aliases) {
		String[] all = Arrays.copyOf(aliases, aliases.length + 1);
		all[aliases.length] = id;
		return Arrays.asList(all);
	}

}
