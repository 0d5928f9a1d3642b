package io.github.deepseekspring.rag.app.security;

import java.util.List;

import org.springframework.boot.cloud.CloudPlatform;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Whether the application runs as deployed rather than on a developer's machine: the Spring profile {@code compose}
 * (set by docker-compose.yml) or {@code kubernetes} (set by the manifests) is active, or Spring Boot detects
 * Kubernetes. There nothing is generated that people would have to read off a console.
 */
final class ProductionProfiles {

	/** The profiles of the shipped deployments. */
	static final List<String> NAMES = List.of("compose", "kubernetes");

	private ProductionProfiles() {
	}

	static boolean active(Environment environment) {
		return environment.acceptsProfiles(Profiles.of(NAMES.toArray(String[]::new))) || kubernetes(environment);
	}

	/** Whether replicas may run side by side without a shared data directory. */
	static boolean kubernetes(Environment environment) {
		return environment.acceptsProfiles(Profiles.of("kubernetes"))
				|| CloudPlatform.KUBERNETES.isActive(environment);
	}

}
