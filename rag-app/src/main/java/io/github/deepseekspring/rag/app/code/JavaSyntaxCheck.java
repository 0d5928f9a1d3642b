package io.github.deepseekspring.rag.app.code;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

import com.sun.source.util.JavacTask;

/**
 * Parses generated Java with the JDK's compiler and reports syntax errors. Only parses: nothing is compiled to
 * class files, resolved against a class path, or run. Without a JDK compiler (a bare JRE) it finds nothing.
 */
final class JavaSyntaxCheck {

	private static final int MAX_DIAGNOSTICS = 10;

	private JavaSyntaxCheck() {
	}

	/** Syntax errors as {@code line N: message}, at most ten; empty when the code parses. */
	static List<String> check(String code) {
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		if (compiler == null || code == null) {
			return List.of();
		}
		DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
		JavaFileObject source = new SimpleJavaFileObject(URI.create("string:///Snippet.java"),
				JavaFileObject.Kind.SOURCE) {
			@Override
			public CharSequence getCharContent(boolean ignoreEncodingErrors) {
				return code;
			}
		};
		JavacTask task = (JavacTask) compiler.getTask(null, null, diagnostics, List.of("-proc:none"), null,
				List.of(source));
		try {
			task.parse();
		}
		catch (java.io.IOException | RuntimeException ex) {
			return List.of("The code could not be parsed: " + ex.getMessage());
		}
		List<String> errors = new ArrayList<>();
		for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
			if (d.getKind() == Diagnostic.Kind.ERROR && errors.size() < MAX_DIAGNOSTICS) {
				errors.add("line " + d.getLineNumber() + ": " + d.getMessage(Locale.ENGLISH));
			}
		}
		return errors;
	}

}
