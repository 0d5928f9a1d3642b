/**
 * DeepSeek's price table and Beijing peak-hour windows.
 */
package io.github.deepseekspring.model.cost;
