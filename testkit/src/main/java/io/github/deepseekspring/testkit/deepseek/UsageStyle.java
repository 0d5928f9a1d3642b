package io.github.deepseekspring.testkit.deepseek;

/**
 * Which usage fields the DeepSeek simulator reports, so clients can be tried against the shapes servers speaking
 * DeepSeek's protocol actually send.
 */
public enum UsageStyle {

    /** DeepSeek's own: the basic counts, {@code prompt_cache_hit_tokens}/{@code prompt_cache_miss_tokens}, and
     * OpenAI's {@code prompt_tokens_details}/{@code completion_tokens_details}. */
    DEEPSEEK,

    /** Only {@code prompt_tokens}, {@code completion_tokens} and {@code total_tokens}, as many gateways send. */
    LEAN,

    /** The basic counts with OpenAI's details ({@code prompt_tokens_details.cached_tokens},
     * {@code completion_tokens_details.reasoning_tokens}) and none of DeepSeek's own cache fields. */
    OPENAI
}
