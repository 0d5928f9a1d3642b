/**
 * Code completion results (FIM remotely, suffix on the local runtime).
 */
package io.github.deepseekspring.model.completion;
