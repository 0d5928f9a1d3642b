/**
 * Images on user messages: Spring AI {@code Media} turned into the data or links a backend takes, checked against the
 * DeepSeek API's documented limits before anything is sent.
 */
package io.github.deepseekspring.model.image;
