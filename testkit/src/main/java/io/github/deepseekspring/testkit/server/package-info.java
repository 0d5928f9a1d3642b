/**
 * HTTP plumbing shared by the simulators (routing, request log, fault application, chunked writing). Internal: not
 * part of the testkit's API and may change without notice.
 */
package io.github.deepseekspring.testkit.server;
