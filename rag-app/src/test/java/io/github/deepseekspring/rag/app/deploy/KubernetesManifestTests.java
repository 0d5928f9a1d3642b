package io.github.deepseekspring.rag.app.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import static io.github.deepseekspring.rag.app.deploy.ComposeFile.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Offline checks of deploy/kubernetes: what kustomize applies exists and parses, selectors find their pods, named
 * ports exist, the app's runtime pool lists exactly the StatefulSet's replicas, probes use Boot's probe groups, and
 * the Secret is a template only. Settings binding and image pins are checked in {@link DeploymentDescriptorTests}.
 */
class KubernetesManifestTests {

	private static final String FOLDER = "deploy/kubernetes";

	/** Every manifest kustomization.yaml applies, by kind and name. */
	static Map<String, Map<String, Object>> resources() {
		Map<String, Map<String, Object>> resources = new LinkedHashMap<>();
		for (Object file : (List<?>) DeploymentFiles.yaml(FOLDER + "/kustomization.yaml").get("resources")) {
			for (Object document : DeploymentFiles.yamlDocuments(DeploymentFiles.ROOT.resolve(FOLDER).resolve(file.toString()))) {
				Map<String, Object> resource = map(document);
				resources.put(resource.get("kind") + "/" + map(resource.get("metadata")).get("name"), resource);
			}
		}
		return resources;
	}

	static Map<String, Object> resource(String kindAndName) {
		Map<String, Object> resource = resources().get(kindAndName);
		assertThat(resource).as(kindAndName).isNotNull();
		return resource;
	}

	static Map<String, Object> podSpec(Map<String, Object> workload) {
		return map(map(map(workload.get("spec")).get("template")).get("spec"));
	}

	static List<Map<String, Object>> containers(Map<String, Object> podSpec) {
		List<Map<String, Object>> containers = new ArrayList<>();
		for (String key : List.of("initContainers", "containers")) {
			if (podSpec.get(key) instanceof List<?> list) {
				list.forEach((container) -> containers.add(map(container)));
			}
		}
		return containers;
	}

	/** Images of every container and init container in every manifest under deploy/kubernetes. */
	static List<String> containerImages() {
		List<String> images = new ArrayList<>();
		for (Path file : DeploymentFiles.yamlFiles(FOLDER)) {
			for (Object document : DeploymentFiles.yamlDocuments(file)) {
				Map<String, Object> resource = map(document);
				if (map(resource.get("spec")).containsKey("template")) {
					containers(podSpec(resource)).forEach((container) -> images.add(container.get("image").toString()));
				}
			}
		}
		return images;
	}

	/** What the app container's environment holds: the ConfigMap, the Secret template's keys and env entries. */
	static Map<String, String> appEnvironment() {
		Map<String, Object> app = containers(podSpec(resource("Deployment/deepseek-rag-app"))).get(0);
		Map<String, String> environment = new LinkedHashMap<>();
		for (Object source : (List<?>) app.get("envFrom")) {
			Map<String, Object> from = map(source);
			if (from.containsKey("configMapRef")) {
				String name = map(from.get("configMapRef")).get("name").toString();
				map(map(resource("ConfigMap/" + name)).get("data")).forEach((k, v) -> environment.put(k, v.toString()));
			}
			else {
				String name = map(from.get("secretRef")).get("name").toString();
				Map<String, Object> secret = DeploymentFiles.yaml(FOLDER + "/secret.example.yaml");
				assertThat(map(secret.get("metadata")).get("name")).isEqualTo(name);
				map(secret.get("stringData")).forEach((k, v) -> environment.put(k, "test-" + k.toLowerCase() + "-value"));
			}
		}
		if (app.get("env") instanceof List<?> entries) {
			entries.forEach((entry) -> environment.put(map(entry).get("name").toString(), String.valueOf(map(entry).get("value"))));
		}
		return environment;
	}

	@Test
	void everySelectorFindsItsPodsAndEveryNamedPortExists() {
		Map<String, Map<String, Object>> resources = resources();
		assertThat(resources).containsKeys("Deployment/deepseek-rag-app", "Service/deepseek-rag-app",
				"HorizontalPodAutoscaler/deepseek-rag-app", "StatefulSet/ollama", "Service/ollama",
				"Elasticsearch/deepseek", "ConfigMap/deepseek-rag-config");
		for (String name : List.of("deepseek-rag-app", "ollama")) {
			Map<String, Object> service = map(resources.get("Service/" + name).get("spec"));
			Map<String, Object> workload = resources.containsKey("Deployment/" + name)
					? resources.get("Deployment/" + name) : resources.get("StatefulSet/" + name);
			Map<String, Object> podLabels = map(map(map(map(workload.get("spec")).get("template")).get("metadata")).get("labels"));
			assertThat(podLabels).containsAllEntriesOf(map(service.get("selector")));
			assertThat(podLabels).containsAllEntriesOf(map(map(map(workload.get("spec")).get("selector")).get("matchLabels")));
			Map<String, Object> container = containers(podSpec(workload)).get(containers(podSpec(workload)).size() - 1);
			Map<String, Object> ports = new LinkedHashMap<>();
			((List<?>) container.get("ports")).forEach((p) -> ports.put(map(p).get("name").toString(), map(p).get("containerPort")));
			((List<?>) service.get("ports")).forEach((p) -> assertThat(ports).containsKey(map(p).get("targetPort").toString()));
			for (String probe : List.of("readinessProbe", "livenessProbe")) {
				assertThat(ports).containsKey(map(map(container.get(probe)).get("httpGet")).get("port").toString());
			}
		}
		Map<String, Object> hpaTarget = map(map(resources.get("HorizontalPodAutoscaler/deepseek-rag-app").get("spec")).get("scaleTargetRef"));
		assertThat(resources).containsKey(hpaTarget.get("kind") + "/" + hpaTarget.get("name"));
	}

	@Test
	void theAppIsStatelessAndProbedThroughBootsProbeGroups() {
		Map<String, Object> deployment = resource("Deployment/deepseek-rag-app");
		Map<String, Object> container = containers(podSpec(deployment)).get(0);
		assertThat(map(map(container.get("livenessProbe")).get("httpGet")).get("path")).isEqualTo("/actuator/health/liveness");
		assertThat(map(map(container.get("readinessProbe")).get("httpGet")).get("path")).isEqualTo("/actuator/health/readiness");
		assertThat(((List<?>) container.get("ports")).stream().map((p) -> map(p).get("containerPort"))).containsExactly(8080);
		// No persistent volume: any replica can go at any time.
		((List<?>) podSpec(deployment).get("volumes")).forEach((volume) -> assertThat(map(volume)).containsKey("emptyDir"));
		assertThat(map(podSpec(deployment).get("securityContext"))).containsEntry("runAsNonRoot", true);
		assertThat((Integer) map(resource("HorizontalPodAutoscaler/deepseek-rag-app").get("spec")).get("minReplicas"))
			.isGreaterThanOrEqualTo(2);
	}

	@Test
	void theRuntimePoolListsEveryReplicaOfTheGpuStatefulSet() {
		Map<String, Object> statefulSet = resource("StatefulSet/ollama");
		int replicas = (Integer) map(statefulSet.get("spec")).get("replicas");
		assertThat(replicas).isGreaterThan(1);
		String serviceName = map(statefulSet.get("spec")).get("serviceName").toString();
		assertThat(map(resource("Service/" + serviceName).get("spec"))).containsEntry("clusterIP", "None");
		Map<String, Object> runtime = containers(podSpec(statefulSet)).get(containers(podSpec(statefulSet)).size() - 1);
		assertThat(map(map(runtime.get("resources")).get("limits"))).containsEntry("nvidia.com/gpu", 1);
		int port = (Integer) map(((List<?>) runtime.get("ports")).get(0)).get("containerPort");

		Set<String> expected = new TreeSet<>();
		for (int i = 0; i < replicas; i++) {
			expected.add("DEEPSEEK_LOCAL_ENDPOINTS_" + i + "_URL=http://ollama-" + i + "." + serviceName + ":" + port);
		}
		Set<String> pool = new TreeSet<>();
		appEnvironment().forEach((name, value) -> {
			if (name.startsWith("DEEPSEEK_LOCAL_ENDPOINTS_")) {
				pool.add(name + "=" + value);
			}
		});
		assertThat(pool).isEqualTo(expected);
	}

	@Test
	void elasticsearchHasThreeNodesAndTheAppFindsIt() {
		Map<String, Object> elasticsearch = resource("Elasticsearch/deepseek");
		Map<String, Object> spec = map(elasticsearch.get("spec"));
		int nodes = ((List<?>) spec.get("nodeSets")).stream().mapToInt((set) -> (Integer) map(set).get("count")).sum();
		assertThat(nodes).isEqualTo(3);
		DeploymentDescriptorTests.assertPinned("elasticsearch:" + spec.get("version"));
		// ECK names the HTTP service <name>-es-http.
		assertThat(appEnvironment()).containsEntry("SPRING_ELASTICSEARCH_URIS", "http://deepseek-es-http:9200");
	}

	@Test
	void theSecretIsATemplateAndNotApplied() {
		assertThat(((List<?>) DeploymentFiles.yaml(FOLDER + "/kustomization.yaml").get("resources")).stream().map(String::valueOf))
			.doesNotContain("secret.example.yaml");
		Map<String, Object> secret = DeploymentFiles.yaml(FOLDER + "/secret.example.yaml");
		assertThat(secret).doesNotContainKey("data");
		map(secret.get("stringData")).forEach((name, value) -> assertThat(Secrets.isPlaceholder(value.toString()))
			.as(name).isTrue());
		map(map(resource("ConfigMap/deepseek-rag-config")).get("data")).keySet()
			.forEach((name) -> assertThat(Secrets.isSecretName(name)).as("ConfigMap holds " + name).isFalse());
	}

}
