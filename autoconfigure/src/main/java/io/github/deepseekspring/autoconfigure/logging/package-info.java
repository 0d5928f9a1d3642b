/**
 * Logging helpers that keep personal data out of logs: a Logback message converter for pattern layouts and a members
 * customizer for Spring Boot's structured JSON logs.
 */
package io.github.deepseekspring.autoconfigure.logging;
