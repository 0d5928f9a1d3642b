package io.github.deepseekspring.rag.app.deploy;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * docker-compose.yml as Compose reads it: parsed, with {@code ${VAR}}, {@code ${VAR:-default}}, {@code ${VAR:?error}}
 * and {@code $$} interpolated from a given set of variables (an operator's .env).
 */
final class ComposeFile {

	private static final Pattern VARIABLE = Pattern
		.compile("\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?}");

	final Map<String, Object> model;

	private ComposeFile(Map<String, Object> model) {
		this.model = model;
	}

	static ComposeFile load(Map<String, String> variables) {
		return new ComposeFile(interpolate(DeploymentFiles.yaml("docker-compose.yml"), variables));
	}

	/** The variables the file refers to: in ${...} and as the source of Compose secrets. */
	static Set<String> referencedVariables() {
		Set<String> names = new LinkedHashSet<>();
		Matcher matcher = VARIABLE.matcher(DeploymentFiles.read("docker-compose.yml"));
		while (matcher.find()) {
			if (matcher.group(1) != null) {
				names.add(matcher.group(1));
			}
		}
		Map<String, Object> secrets = map(DeploymentFiles.yaml("docker-compose.yml").get("secrets"));
		for (Object secret : secrets.values()) {
			Object environment = map(secret).get("environment");
			if (environment != null) {
				names.add(environment.toString());
			}
		}
		return names;
	}

	/** The variables of .env.example, as an operator would fill them in: secrets get test values. */
	static Map<String, String> exampleEnvironment() {
		Map<String, String> variables = new LinkedHashMap<>();
		for (String line : DeploymentFiles.read(".env.example").split("\n")) {
			String trimmed = line.strip();
			if (trimmed.isEmpty() || trimmed.startsWith("#")) {
				continue;
			}
			int equals = trimmed.indexOf('=');
			if (equals <= 0) {
				throw new IllegalStateException(".env.example: not NAME=value: " + line);
			}
			variables.put(trimmed.substring(0, equals), trimmed.substring(equals + 1));
		}
		return variables;
	}

	static Map<String, String> filledIn(Map<String, String> example, String profiles) {
		Map<String, String> variables = new LinkedHashMap<>(example);
		variables.replaceAll((name, value) -> (value.isEmpty() && Secrets.isSecretName(name))
				? "test-" + name.toLowerCase().replace('_', '-') + "-not-secret" : value);
		variables.put("COMPOSE_PROFILES", profiles);
		return variables;
	}

	Map<String, Object> services() {
		return map(this.model.get("services"));
	}

	Map<String, Object> service(String name) {
		return map(services().get(name));
	}

	/** A service's environment as a map (Compose also allows a list of NAME=value). */
	Map<String, String> environment(String service) {
		Object environment = service(service).get("environment");
		Map<String, String> result = new LinkedHashMap<>();
		if (environment instanceof Map<?, ?> entries) {
			entries.forEach((name, value) -> result.put(name.toString(), value == null ? "" : value.toString()));
		}
		else if (environment instanceof List<?> entries) {
			for (Object entry : entries) {
				String[] parts = entry.toString().split("=", 2);
				result.put(parts[0], parts.length > 1 ? parts[1] : "");
			}
		}
		return result;
	}

	/** The services a service depends on, with their conditions (service_started for the short form). */
	Map<String, Map<String, Object>> dependsOn(String service) {
		Object dependsOn = service(service).get("depends_on");
		Map<String, Map<String, Object>> result = new LinkedHashMap<>();
		if (dependsOn instanceof List<?> names) {
			names.forEach((name) -> result.put(name.toString(), Map.of("condition", "service_started")));
		}
		else if (dependsOn instanceof Map<?, ?> entries) {
			entries.forEach((name, spec) -> result.put(name.toString(), map(spec)));
		}
		return result;
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(Object value) {
		return (value instanceof Map<?, ?>) ? (Map<String, Object>) value : Map.of();
	}

	@SuppressWarnings("unchecked")
	private static <T> T interpolate(T node, Map<String, String> variables) {
		if (node instanceof String text) {
			return (T) interpolate(text, variables);
		}
		if (node instanceof Map<?, ?> entries) {
			Map<Object, Object> result = new LinkedHashMap<>();
			entries.forEach((key, value) -> result.put(key, interpolate(value, variables)));
			return (T) result;
		}
		if (node instanceof List<?> items) {
			return (T) items.stream().map((item) -> interpolate(item, variables)).toList();
		}
		return node;
	}

	static String interpolate(String text, Map<String, String> variables) {
		Matcher matcher = VARIABLE.matcher(text);
		StringBuilder result = new StringBuilder();
		while (matcher.find()) {
			String replacement;
			if (matcher.group(1) == null) {
				replacement = "$";
			}
			else {
				String value = variables.get(matcher.group(1));
				String operator = matcher.group(2);
				boolean unset = (value == null) || (value.isEmpty() && operator != null && operator.startsWith(":"));
				if (unset && operator != null && operator.endsWith("?")) {
					throw new IllegalStateException("required variable " + matcher.group(1) + ": " + matcher.group(3));
				}
				replacement = unset ? ((operator != null) ? matcher.group(3) : "") : value;
			}
			matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
		}
		matcher.appendTail(result);
		return result.toString();
	}

}
