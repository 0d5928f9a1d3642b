package io.github.deepseekspring.testkit.process;

import org.testcontainers.DockerClientFactory;

/**
 * Whether Testcontainers reaches a Docker engine. Touches Testcontainers types: call it only after checking that the
 * container class you want is on the classpath.
 */
public final class DockerEngine {

	private DockerEngine() {
	}

	public static boolean answers() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
	}

}
