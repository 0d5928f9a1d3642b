package io.github.deepseekspring.model.chat;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Model names the DeepSeek API retired, mapped to the model that serves them today. {@code deepseek-chat} and
 * {@code deepseek-reasoner} were turned off in July 2026 (they answered as V4-Flash without and with thinking);
 * {@code deepseek-v4-flash} and {@code deepseek-v4-flash-vision-exp} are served by {@code deepseek-flash}. A request
 * naming one goes to its replacement, with the thinking mode the old name meant unless the request sets one, and the
 * first use of each old name is logged as a warning naming the replacement. Names not listed pass through unchanged:
 * model names are configuration, and a new model must not wait for a release of this client.
 */
public final class ModelAliases {

	private static final Log logger = LogFactory.getLog(ModelAliases.class);

	private final Map<String, Alias> aliases;

	private final Set<String> warned = ConcurrentHashMap.newKeySet();

	/**
	 * @param aliases old name to replacement
	 */
	public ModelAliases(Map<String, Alias> aliases) {
		this.aliases = Map.copyOf(aliases);
	}

	/** The names DeepSeek retired, as of the API's documentation of September 2026. */
	public static ModelAliases defaults() {
		return new ModelAliases(Map.of("deepseek-chat", new Alias("deepseek-flash", false), "deepseek-reasoner",
				new Alias("deepseek-flash", true), "deepseek-v4-flash", new Alias("deepseek-flash", null),
				"deepseek-v4-flash-vision-exp", new Alias("deepseek-flash", null)));
	}

	/** No aliases: every name passes through. */
	public static ModelAliases none() {
		return new ModelAliases(Map.of());
	}

	/** The model name to send for {@code model} (itself when it is not an old name). */
	public String resolve(String model) {
		Alias alias = (model != null) ? this.aliases.get(model) : null;
		if (alias == null) {
			return model;
		}
		warnOnce(model, alias);
		return alias.model();
	}

	/** The options with an old model name replaced, and the thinking mode it meant when the options set none. */
	public DeepSeekChatOptions resolve(DeepSeekChatOptions options) {
		Alias alias = (options.getModel() != null) ? this.aliases.get(options.getModel()) : null;
		if (alias == null) {
			return options;
		}
		warnOnce(options.getModel(), alias);
		DeepSeekChatOptions.Builder resolved = options.mutate().model(alias.model());
		if (options.getThinking() == null && alias.thinking() != null) {
			resolved.thinking(alias.thinking());
		}
		return resolved.build();
	}

	private void warnOnce(String model, Alias alias) {
		if (this.warned.add(model)) {
			logger.warn("DeepSeek model '" + model + "' is retired; requests for it go to '" + alias.model() + "'"
					+ (alias.thinking() == null ? "" : (alias.thinking() ? " in" : " without") + " thinking mode, as '"
							+ model + "' answered, unless the request sets thinking")
					+ ". Name '" + alias.model() + "' in your configuration to silence this warning (logged once).");
		}
	}

	/**
	 * What an old name maps to.
	 * @param model the model serving it today
	 * @param thinking the thinking mode the old name meant, or {@code null} when it meant none
	 */
	public record Alias(String model, Boolean thinking) {

		public Alias {
			Objects.requireNonNull(model);
		}

	}

}
