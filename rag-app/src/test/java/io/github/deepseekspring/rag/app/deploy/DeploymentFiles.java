package io.github.deepseekspring.rag.app.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The repository's deployment files (docker-compose.yml, deploy/), found from the test's working directory. */
final class DeploymentFiles {

	/** The repository root: the nearest folder upwards that holds docker-compose.yml. */
	static final Path ROOT = findRoot();

	private DeploymentFiles() {
	}

	private static Path findRoot() {
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			if (Files.isRegularFile(dir.resolve("docker-compose.yml")) && Files.isDirectory(dir.resolve("deploy"))) {
				return dir;
			}
		}
		throw new IllegalStateException("No docker-compose.yml above " + Path.of("").toAbsolutePath());
	}

	static String read(String relative) {
		try {
			return Files.readString(ROOT.resolve(relative));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Every YAML document of a file, parsed safely (no arbitrary types). */
	static List<Object> yamlDocuments(Path file) {
		Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
		List<Object> documents = new ArrayList<>();
		try {
			for (Object document : yaml.loadAll(Files.readString(file))) {
				if (document != null) {
					documents.add(document);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return documents;
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> yaml(String relative) {
		List<Object> documents = yamlDocuments(ROOT.resolve(relative));
		if (documents.size() != 1 || !(documents.get(0) instanceof Map)) {
			throw new IllegalStateException(relative + " is not one YAML mapping");
		}
		return (Map<String, Object>) documents.get(0);
	}

	/** The YAML files under a folder of the repository, sorted. */
	static List<Path> yamlFiles(String relativeFolder) {
		try (Stream<Path> files = Files.walk(ROOT.resolve(relativeFolder))) {
			return files.filter((file) -> file.toString().endsWith(".yaml") || file.toString().endsWith(".yml"))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
