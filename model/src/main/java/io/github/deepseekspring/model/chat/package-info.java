/**
 * {@code DeepSeekChatModel}, its options and the metadata it puts on Spring AI messages.
 */
package io.github.deepseekspring.model.chat;
