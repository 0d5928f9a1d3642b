/**
 * Which backend a request goes to: routing modes, sensitive requests, conversation affinity.
 */
package io.github.deepseekspring.model.routing;
