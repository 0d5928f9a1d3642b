/** Fault injection shared by both simulators: error statuses, hangs, stalls, cut streams, slow tokens, downtime. */
package io.github.deepseekspring.testkit.fault;
