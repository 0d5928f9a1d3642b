/**
 * Micrometer meters of the model layer.
 */
package io.github.deepseekspring.model.metrics;
