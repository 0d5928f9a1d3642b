package io.github.deepseekspring.rag.app.code;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The code assistant ({@code /api/code}).
 *
 * @param maxTaskLength longest task description, in characters (longer: 400)
 * @param maxContextLength longest total of the context files' contents, in characters (longer: 413)
 * @param maxInfillLength longest prefix plus suffix of a code completion, in characters (longer: 413)
 * @param completionMaxTokens tokens a code completion may produce when the request names none
 * @param maxCompletionTokens the most tokens a code completion request may ask for
 * @param dailyTokenBudget tokens (prompt and output) each API key, signed-in user or, when the assistant is public,
 * address may use per day (UTC) before further requests are refused with 429 until midnight UTC
 */
@ConfigurationProperties("deepseek.rag.code")
public record CodeProperties(int maxTaskLength, int maxContextLength, int maxInfillLength, int completionMaxTokens,
		int maxCompletionTokens, long dailyTokenBudget) {

	public CodeProperties {
		maxTaskLength = (maxTaskLength > 0) ? maxTaskLength : 8_000;
		maxContextLength = (maxContextLength > 0) ? maxContextLength : 100_000;
		maxInfillLength = (maxInfillLength > 0) ? maxInfillLength : 64_000;
		completionMaxTokens = (completionMaxTokens > 0) ? completionMaxTokens : 256;
		maxCompletionTokens = (maxCompletionTokens > 0) ? maxCompletionTokens : 4_096;
		dailyTokenBudget = (dailyTokenBudget > 0) ? dailyTokenBudget : 1_000_000;
	}

}
