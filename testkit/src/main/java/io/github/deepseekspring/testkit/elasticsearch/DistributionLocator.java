package io.github.deepseekspring.testkit.elasticsearch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the official distribution zip ({@code org.elasticsearch.distribution.integ-test-zip:elasticsearch:zip}) that
 * Maven resolved as a dependency of the testkit: an explicit path first, then the local Maven repository.
 */
final class DistributionLocator {

	static final String ZIP_PROPERTY = "deepseek.testkit.elasticsearch.zip";

	private DistributionLocator() {
	}

	static Path locate(String version) {
		List<Path> candidates = candidates(version);
		return candidates.stream()
			.filter(Files::isRegularFile)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No Elasticsearch " + version
					+ " distribution found (looked at " + candidates + "). Either set ES_URL to a running Elasticsearch, "
					+ "or let Maven resolve org.elasticsearch.distribution.integ-test-zip:elasticsearch:" + version
					+ ":zip (a dependency of deepseek-testkit), or point the system property " + ZIP_PROPERTY
					+ " at the zip."));
	}

	static List<Path> candidates(String version) {
		List<Path> candidates = new ArrayList<>();
		String explicit = System.getProperty(ZIP_PROPERTY);
		if (explicit != null && !explicit.isBlank()) {
			candidates.add(Path.of(explicit));
		}
		Path relative = Path.of("org", "elasticsearch", "distribution", "integ-test-zip", "elasticsearch", version,
				"elasticsearch-" + version + ".zip");
		String repoLocal = System.getProperty("maven.repo.local");
		if (repoLocal != null && !repoLocal.isBlank()) {
			candidates.add(Path.of(repoLocal).resolve(relative));
		}
		candidates.add(Path.of(System.getProperty("user.home"), ".m2", "repository").resolve(relative));
		return candidates;
	}

}
