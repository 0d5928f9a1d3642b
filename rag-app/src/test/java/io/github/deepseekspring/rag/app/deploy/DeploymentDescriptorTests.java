package io.github.deepseekspring.rag.app.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static io.github.deepseekspring.rag.app.deploy.ComposeFile.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Offline checks of docker-compose.yml, the Dockerfile, .env.example and deploy/ (no Docker engine needed): valid
 * YAML, pinned images, health checks where others wait, settings that bind to real properties, consistent ports,
 * no secrets. Kubernetes specifics are in {@link KubernetesManifestTests}.
 */
class DeploymentDescriptorTests {

	private static final List<String> PROFILES = List.of("", "gpu", "monitoring", "gpu,monitoring");

	@Test
	void everyDeploymentFileIsValidYamlOrJson() throws IOException {
		List<Path> files = new ArrayList<>(DeploymentFiles.yamlFiles("deploy"));
		files.add(DeploymentFiles.ROOT.resolve("docker-compose.yml"));
		assertThat(files).hasSizeGreaterThan(15);
		for (Path file : files) {
			assertThat(DeploymentFiles.yamlDocuments(file)).as(file.toString()).isNotEmpty();
		}
		JsonNode dashboard = JsonMapper.builder().build()
			.readTree(Files.readString(DeploymentFiles.ROOT.resolve("deploy/grafana/dashboards/deepseek-rag.json")));
		assertThat(dashboard.path("panels").size()).isGreaterThan(10);
		// The provisioned data source is the one every panel names.
		String uid = map(((List<?>) DeploymentFiles.yaml("deploy/grafana/provisioning/datasources/prometheus.yml")
			.get("datasources")).get(0)).get("uid").toString();
		dashboard.path("panels").forEach((panel) -> {
			if (!panel.path("type").asString().equals("row")) {
				assertThat(panel.path("datasource").path("uid").asString()).as(panel.path("title").asString())
					.isEqualTo(uid);
			}
		});
	}

	@Test
	void everyImageIsPinnedToAVersion() {
		ComposeFile compose = ComposeFile.load(ComposeFile.filledIn(ComposeFile.exampleEnvironment(), ""));
		List<String> images = new ArrayList<>();
		compose.services().forEach((name, service) -> images.add(String.valueOf(map(service).get("image"))));
		for (String line : DeploymentFiles.read("Dockerfile").split("\n")) {
			if (line.startsWith("FROM ")) {
				images.add(line.split("\\s+")[1]);
			}
		}
		images.addAll(KubernetesManifestTests.containerImages());
		assertThat(images).hasSizeGreaterThan(10).allSatisfy(DeploymentDescriptorTests::assertPinned);
		assertThatIllegalStateExceptionFor("elasticsearch:latest");
		assertThatIllegalStateExceptionFor("ollama/ollama");
		assertThatIllegalStateExceptionFor("localhost:5000/app");
	}

	static void assertPinned(String image) {
		String withoutDigest = image.split("@")[0];
		String lastPart = withoutDigest.substring(withoutDigest.lastIndexOf('/') + 1);
		int colon = lastPart.indexOf(':');
		if (colon < 0 || lastPart.substring(colon + 1).isBlank() || lastPart.endsWith(":latest")
				|| !lastPart.substring(colon + 1).matches(".*\\d.*")) {
			throw new IllegalStateException("image not pinned to a version: " + image);
		}
	}

	private static void assertThatIllegalStateExceptionFor(String image) {
		assertThatIllegalStateException().isThrownBy(() -> assertPinned(image));
	}

	@Test
	void everyServiceOthersWaitForSaysWhenItIsReady() {
		ComposeFile compose = ComposeFile.load(ComposeFile.filledIn(ComposeFile.exampleEnvironment(), ""));
		boolean dockerfileHealthcheck = DeploymentFiles.read("Dockerfile").lines().anyMatch((l) -> l.startsWith("HEALTHCHECK"));
		int dependencies = 0;
		for (String service : compose.services().keySet()) {
			for (var dependency : compose.dependsOn(service).entrySet()) {
				dependencies++;
				Map<String, Object> target = compose.service(dependency.getKey());
				assertThat(target).as(service + " depends on unknown " + dependency.getKey()).isNotEmpty();
				String condition = String.valueOf(dependency.getValue().get("condition"));
				if (condition.equals("service_completed_successfully")) {
					assertThat(target.get("restart")).as(dependency.getKey() + " is one-shot").isEqualTo("no");
					continue;
				}
				assertThat(condition).as(service + " -> " + dependency.getKey()).isEqualTo("service_healthy");
				boolean builtWithHealthcheck = target.containsKey("build") && dockerfileHealthcheck;
				assertThat(target.containsKey("healthcheck") || builtWithHealthcheck)
					.as(dependency.getKey() + " has a healthcheck").isTrue();
			}
		}
		assertThat(dependencies).isGreaterThanOrEqualTo(6);
		// Default profile: the app needs nothing from the optional ones.
		compose.dependsOn("app").forEach((name, spec) -> {
			if (map(compose.service(name)).containsKey("profiles")) {
				assertThat(spec.get("required")).as("app -> " + name).isEqualTo(false);
			}
		});
	}

	@Test
	void everyAppSettingBindsToARealProperty() throws IOException {
		Map<String, String> example = ComposeFile.exampleEnvironment();
		for (String profiles : PROFILES) {
			Map<String, String> environment = ComposeFile.load(ComposeFile.filledIn(example, profiles)).environment("app");
			assertThat(EnvironmentBinding.unboundVariables(environment)).as("app environment, profiles " + profiles)
				.isEmpty();
			EnvironmentBinding.bindAll(environment);
		}
		Properties gpu = new Properties();
		try (var in = Files.newInputStream(DeploymentFiles.ROOT.resolve("deploy/compose/config/application-gpu.properties"))) {
			gpu.load(in);
		}
		Map<String, Object> gpuProperties = new LinkedHashMap<>();
		gpu.forEach((name, value) -> gpuProperties.put(name.toString(), value));
		assertThat(gpuProperties).containsEntry("deepseek.routing.mode", "local-first");
		assertThat(EnvironmentBinding.unboundProperties(gpuProperties)).isEmpty();

		Map<String, String> kubernetes = KubernetesManifestTests.appEnvironment();
		assertThat(EnvironmentBinding.unboundVariables(kubernetes)).as("Kubernetes app environment").isEmpty();
		EnvironmentBinding.bindAll(kubernetes);
	}

	@Test
	void aMisspelledOrInvalidSettingIsCaught() {
		assertThat(EnvironmentBinding.unboundVariables(Map.of("DEEPSEEK_ROUTNG_MODE", "local-first",
				"SPRING_DATASORCE_URL", "jdbc:h2:mem:x", "DEEPSEEK_RAG_ADMIN_PASSWORD", "test-admin-not-secret",
				"SPRING_ELASTICSEARCH_URIS", "http://es:9200", "SPRING_PROFILES_ACTIVE", "gpu")))
			.containsExactly("DEEPSEEK_ROUTNG_MODE=local-first", "SPRING_DATASORCE_URL=jdbc:h2:mem:x");
		// A wrong value, or a wrong name inside a list element, fails binding as it fails the app's start-up.
		assertThatException().isThrownBy(() -> EnvironmentBinding.bindAll(Map.of("DEEPSEEK_ROUTING_MODE", "gpu-first")));
		assertThatException().isThrownBy(() -> EnvironmentBinding.bindAll(Map.of("DEEPSEEK_LOCAL_ENDPOINTS_0_URI", "http://ollama-0:11434")));
		assertThatException().isThrownBy(() -> EnvironmentBinding.bindAll(Map.of("DEEPSEEK_LOCAL_ENDPOINTS_0_URL", "ollama-0:11434")));
	}

	@Test
	void everyComposeVariableIsDocumentedInEnvExample() {
		Set<String> documented = ComposeFile.exampleEnvironment().keySet();
		assertThat(documented).containsAll(ComposeFile.referencedVariables());
		assertThat(ComposeFile.referencedVariables()).containsAll(documented);
		// Required secrets stop Compose with a message instead of starting with an empty password.
		assertThatIllegalStateException()
			.isThrownBy(() -> ComposeFile.load(new LinkedHashMap<>(ComposeFile.exampleEnvironment())))
			.withMessageContaining("PASSWORD");
	}

	@Test
	void portsAgree() {
		ComposeFile compose = ComposeFile.load(ComposeFile.filledIn(ComposeFile.exampleEnvironment(), "gpu,monitoring"));
		String dockerfile = DeploymentFiles.read("Dockerfile");
		assertThat(dockerfile).contains("EXPOSE 8080", "SERVER_PORT=8080");
		assertThat(compose.service("app").get("ports")).isEqualTo(List.of("8080:8080"));
		Map<String, String> app = compose.environment("app");
		assertThat(app.get("SPRING_ELASTICSEARCH_URIS")).isEqualTo("http://elasticsearch:9200");
		assertThat(compose.service("elasticsearch").get("ports")).isEqualTo(List.of("127.0.0.1:9200:9200"));
		assertThat(app.get("SPRING_DATASOURCE_URL")).startsWith("jdbc:postgresql://postgres:5432/");
		assertThat(compose.service("ollama").get("ports")).isEqualTo(List.of("127.0.0.1:11434:11434"));
		assertThat(compose.environment("model-pull")).containsEntry("OLLAMA_HOST", "ollama:11434");
		assertThat(DeploymentFiles.read("deploy/compose/config/application-gpu.properties"))
			.contains("deepseek.local.base-url=http://ollama:11434");
		assertThat(DeploymentFiles.read("deploy/prometheus/prometheus.yml")).contains("targets: [\"app:8080\"]",
				"metrics_path: /actuator/prometheus");
		assertThat(DeploymentFiles.read("deploy/grafana/provisioning/datasources/prometheus.yml"))
			.contains("url: http://prometheus:9090");
		// The runtime's parallelism and the app's idea of it come from one variable.
		assertThat(app.get("DEEPSEEK_LOCAL_MAX_CONCURRENCY")).isEqualTo(compose.environment("ollama").get("OLLAMA_NUM_PARALLEL"));
	}

	@Test
	void theImageBuildCopiesEveryModuleAndNothingIgnored() {
		String dockerfile = DeploymentFiles.read("Dockerfile");
		List<String> copied = new ArrayList<>();
		for (String line : dockerfile.split("\n")) {
			if (line.startsWith("COPY ") && !line.contains("--from=")) {
				String[] parts = line.split("\\s+");
				copied.addAll(List.of(parts).subList(1, parts.length - 1));
			}
		}
		// Maven reads every module of the parent pom, even for -pl rag-app -am.
		java.util.regex.Matcher modules = java.util.regex.Pattern.compile("<module>([^<]+)</module>")
			.matcher(DeploymentFiles.read("pom.xml"));
		int count = 0;
		while (modules.find()) {
			count++;
			assertThat(copied).contains(modules.group(1) + "/pom.xml");
		}
		assertThat(count).isGreaterThanOrEqualTo(6);
		List<String> ignored = DeploymentFiles.read(".dockerignore").lines()
			.map(String::strip)
			.filter((l) -> !l.isEmpty() && !l.startsWith("#") && !l.startsWith("!"))
			.map((l) -> l.replace("**/", "").replaceAll("/$", ""))
			.toList();
		for (String source : copied) {
			assertThat(DeploymentFiles.ROOT.resolve(source)).as(source).exists();
			for (String pattern : ignored) {
				assertThat(source.equals(pattern) || source.startsWith(pattern + "/") || source.contains("/" + pattern + "/"))
					.as(source + " is kept out by .dockerignore " + pattern).isFalse();
			}
		}
		assertThat(dockerfile).contains("-Djarmode=tools -jar application.jar extract --layers --launcher",
				"USER 10001", "HEALTHCHECK", "MaxRAMPercentage", "org.springframework.boot.loader.launch.JarLauncher");
	}

	@Test
	void noSecretsAreCommitted() {
		ComposeFile.exampleEnvironment().forEach((name, value) -> {
			if (Secrets.isSecretName(name)) {
				assertThat(value).as(".env.example " + name).isEmpty();
			}
		});
		Map<String, Object> rawCompose = DeploymentFiles.yaml("docker-compose.yml");
		map(rawCompose.get("services")).forEach((service, spec) -> map(map(spec).get("environment")).forEach((name, value) -> {
			if (Secrets.isSecretName(name)) {
				assertThat(Secrets.isPlaceholder(String.valueOf(value))).as(service + " " + name + " is a reference").isTrue();
			}
		}));
		List<String> files = new ArrayList<>(List.of("docker-compose.yml", ".env.example", "Dockerfile", ".dockerignore"));
		DeploymentFiles.yamlFiles("deploy").forEach((file) -> files.add(DeploymentFiles.ROOT.relativize(file).toString()));
		files.add("deploy/grafana/dashboards/deepseek-rag.json");
		files.add("deploy/compose/config/application-gpu.properties");
		files.add("docs/scaling.md");
		Set<String> found = new TreeSet<>();
		files.forEach((file) -> Secrets.keyLooking(DeploymentFiles.read(file)).forEach((hit) -> found.add(file + ": " + hit)));
		assertThat(found).isEmpty();
		// The detector itself finds what it must.
		assertThat(Secrets.keyLooking("DEEPSEEK_API_KEY=" + "sk-" + "0123456789abcdef0123")).isNotEmpty();
		assertThat(Secrets.keyLooking("password: " + "hunter2hunter2")).isNotEmpty();
		assertThat(Secrets.keyLooking("POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:?set it}\nAPI_KEY: \"<your key>\"")).isEmpty();
	}

	@Test
	void dockerComposeAcceptsTheFile() throws Exception {
		assumeTrue(run(List.of("docker", "compose", "version")) == 0, "docker compose is not installed here");
		for (String profiles : PROFILES) {
			List<String> command = List.of("docker", "compose", "--env-file", ".env.example", "config", "--quiet");
			ProcessBuilder builder = new ProcessBuilder(command).directory(DeploymentFiles.ROOT.toFile())
				.redirectErrorStream(true);
			builder.environment().putAll(ComposeFile.filledIn(ComposeFile.exampleEnvironment(), profiles));
			Process process = builder.start();
			String output = new String(process.getInputStream().readAllBytes());
			assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
			assertThat(process.exitValue()).as("docker compose config (profiles '%s'): %s", profiles, output).isZero();
		}
	}

	private static int run(List<String> command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			process.getInputStream().readAllBytes();
			return process.waitFor(30, TimeUnit.SECONDS) ? process.exitValue() : -1;
		}
		catch (IOException ex) {
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

}
