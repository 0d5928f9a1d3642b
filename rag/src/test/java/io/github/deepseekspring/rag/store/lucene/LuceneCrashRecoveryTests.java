package io.github.deepseekspring.rag.store.lucene;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.deepseekspring.rag.store.StoreHit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** A writer killed with SIGKILL mid-ingestion leaves one whole version visible, and the next replace completes. */
class LuceneCrashRecoveryTests {

	@Test
	void aKilledWriterLeavesNoHalfDocument(@TempDir Path folder) throws Exception {
		Path index = folder.resolve("index");
		Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), CrashingWriter.class.getName(), index.toString())
			.redirectErrorStream(true)
			.start();
		try (BufferedReader output = new BufferedReader(new InputStreamReader(writer.getInputStream()))) {
			String line;
			int committed = 0;
			while (committed < 5 && (line = output.readLine()) != null) {
				if (line.startsWith("committed ")) {
					committed++;
				}
			}
			assertThat(committed).as("the writer committed versions before being killed").isEqualTo(5);
			writer.destroyForcibly();
			writer.waitFor();
		}
		try (LuceneKnowledgeStore store = LuceneKnowledgeStore.open(index)) {
			var hits = store.keywordSearch("固件 升级", 1000);
			Set<String> versions = hits.stream().map((hit) -> hit.chunk().documentHash()).collect(Collectors.toSet());
			assertThat(versions).hasSize(1);
			assertThat(hits).hasSize(CrashingWriter.CHUNKS_PER_VERSION);

			store.replaceDocument("manual", CrashingWriter.version(1000));
			assertThat(store.keywordSearch("固件 升级", 1000)).extracting(StoreHit::chunk)
				.allSatisfy((chunk) -> assertThat(chunk.documentHash()).isEqualTo("v1000"))
				.hasSize(CrashingWriter.CHUNKS_PER_VERSION);
		}
	}

}
