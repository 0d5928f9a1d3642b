package io.github.deepseekspring.rag.app.code;

import java.util.List;

import io.github.deepseekspring.rag.app.code.CodeApi.ContextFile;

/** The coding prompt: what to write, in which form, and the files it must fit. */
final class CodePrompts {

	private CodePrompts() {
	}

	static String system(CodeLanguage language) {
		String lang = language.displayName();
		return "You are a senior " + lang + " engineer. Write " + lang + " code for the user's task.\n"
				+ "Answer with exactly one fenced code block tagged ```" + language.id()
				+ " that holds complete, working code, then a short explanation of at most three sentences.\n"
				+ "Follow the style, names and APIs of the context files when there are any. "
				+ "Do not add other code blocks.";
	}

	static String user(String task, List<ContextFile> context) {
		StringBuilder text = new StringBuilder();
		if (!context.isEmpty()) {
			text.append("Context files:\n\n");
			for (ContextFile file : context) {
				String path = file.path() == null || file.path().isBlank() ? "(unnamed)" : file.path().strip();
				text.append("File ").append(path).append(":\n~~~~\n").append(file.content());
				if (!file.content().endsWith("\n")) {
					text.append('\n');
				}
				text.append("~~~~\n\n");
			}
		}
		return text.append("Task: ").append(task.strip()).toString();
	}

}
