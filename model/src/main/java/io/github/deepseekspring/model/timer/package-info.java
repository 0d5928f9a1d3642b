/**
 * One shared coarse timer for the deadlines of many concurrent streams.
 */
package io.github.deepseekspring.model.timer;
