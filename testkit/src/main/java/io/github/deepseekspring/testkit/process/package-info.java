/**
 * What the testkit's launchers of real servers share: a child process watched so that it dies with the JVM that
 * started it, run folders that outlive no JVM, the unprivileged user servers run as when the JVM is root (neither
 * Elasticsearch nor PostgreSQL starts as root), free ports and the Docker probe. Used by
 * {@link io.github.deepseekspring.testkit.elasticsearch.TestElasticsearch} and
 * {@link io.github.deepseekspring.testkit.postgres.TestPostgres}; tests use those, not this package.
 */
package io.github.deepseekspring.testkit.process;
