package io.github.deepseekspring.rag.app.admin;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;

/**
 * The backend status in sentences a person reads ("DeepSeek API: reachable, balance 110 CNY"; "GPU runtime gpu-box: 2
 * models loaded, 11.2 GB VRAM in use"), in the reader's language, from {@link BackendStatus#status()}.
 */
class BackendSummary {

	private static final double GB = 1e9;

	private final MessageSource messages;

	BackendSummary(MessageSource messages) {
		this.messages = messages;
	}

	List<String> sentences(Map<String, Object> status, Locale locale) {
		List<String> sentences = new ArrayList<>();
		Map<?, ?> remote = (Map<?, ?>) status.get("remote");
		if (!Boolean.TRUE.equals(remote.get("configured"))) {
			sentences.add(text("backend.words.remote.off", locale));
		}
		else if (Boolean.TRUE.equals(remote.get("up"))) {
			Object balance = remote.get("balanceCny");
			sentences.add((balance != null) ? text("backend.words.remote.balance", locale, balance)
					: text("backend.words.remote.up", locale));
		}
		else {
			sentences.add(text("backend.words.remote.down", locale));
		}
		if ("OPEN".equals(remote.get("circuit"))) {
			sentences.add(text("backend.words.remote.circuit", locale));
		}
		Map<?, ?> local = (Map<?, ?>) status.get("local");
		if (!Boolean.TRUE.equals(local.get("configured"))) {
			sentences.add(text("backend.words.local.off", locale));
		}
		else if (local.get("endpoints") instanceof List<?> endpoints) {
			for (Object each : endpoints) {
				Map<?, ?> endpoint = (Map<?, ?>) each;
				String host = host(String.valueOf(endpoint.get("url")));
				sentences.add(Boolean.TRUE.equals(endpoint.get("up"))
						? text("backend.words.local.up", locale, host, endpoint.get("loaded"),
								String.format(locale, "%.1f", ((Number) endpoint.get("vramBytes")).longValue() / GB))
						: text("backend.words.local.down", locale, host));
			}
		}
		Map<?, ?> today = (Map<?, ?>) status.get("today");
		sentences.add(text("backend.words.today", locale, today.get("calls"), today.get("costCny")));
		return sentences;
	}

	private static String host(String url) {
		try {
			String host = URI.create(url).getHost();
			return (host != null) ? host : url;
		}
		catch (IllegalArgumentException ex) {
			return url;
		}
	}

	private String text(String code, Locale locale, Object... arguments) {
		return this.messages.getMessage(code, arguments, locale);
	}

}
