/**
 * Retries with Retry-After and jittered backoff, circuit breakers, timeouts, failover before the first token.
 */
package io.github.deepseekspring.model.resilience;
