package io.github.deepseekspring.rag.ingest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import io.github.deepseekspring.rag.embedding.Embedder;
import io.github.deepseekspring.rag.embedding.UnitEmbeddings;
import io.github.deepseekspring.rag.store.KnowledgeStore;
import io.github.deepseekspring.rag.store.StoredDocument;
import io.github.deepseekspring.rag.store.lucene.LuceneKnowledgeStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class WatchedFolderTests {

	/** Constant vectors: this test is about files, not about meaning. */
	private static final Embedder FLAT = new UnitEmbeddings(3);

	@Test
	void filesPresentCreatedChangedAndDeletedAreFollowed(@TempDir Path data, @TempDir Path watched) throws Exception {
		Files.writeString(watched.resolve("before.md"), "# 旧文档\n\n启动前就在的文件。");
		try (LuceneKnowledgeStore store = LuceneKnowledgeStore.open(data.resolve("index"));
				WatchedFolder folder = new WatchedFolder(watched, new IngestionService(new DocumentParser(),
						new Chunker(300, 50), FLAT, store))) {
			await(() -> titles(store).contains("旧文档"));

			Files.writeString(watched.resolve("new.md"), "# 新文档\n\n之后放进来的文件。", StandardCharsets.UTF_8);
			await(() -> titles(store).contains("新文档"));

			Files.writeString(watched.resolve("new.md"), "# 改过的文档\n\n内容变了。", StandardCharsets.UTF_8);
			await(() -> titles(store).contains("改过的文档") && !titles(store).contains("新文档"));

			Files.delete(watched.resolve("before.md"));
			await(() -> !titles(store).contains("旧文档"));
			assertThat(titles(store)).containsExactly("改过的文档");
		}
	}

	private static List<String> titles(KnowledgeStore store) {
		return store.documents().stream().map(StoredDocument::title).toList();
	}

	@Test
	void linksAndOversizedFilesAreNotRead(@TempDir Path data, @TempDir Path watched, @TempDir Path elsewhere)
			throws Exception {
		Path secret = Files.writeString(elsewhere.resolve("secret.md"), "# 机密\n\n数据库密码是 hunter2。");
		Files.createSymbolicLink(watched.resolve("innocent.md"), secret);
		Files.write(watched.resolve("huge.txt"), new byte[4096]);
		Files.writeString(watched.resolve("shipping.md"), "# 运费\n\n满 99 元免运费。");
		try (LuceneKnowledgeStore store = LuceneKnowledgeStore.open(data);
				WatchedFolder folder = new WatchedFolder(watched, new IngestionService(
						new DocumentParser(new ParseLimits(1024, 10, 1024 * 1024, 10_000)), new Chunker(300, 50), FLAT,
						store))) {
			// Files present at start are read in name order: once shipping.md is in, the others were passed over.
			await(() -> !store.documents().isEmpty());
			assertThat(store.documents()).extracting(StoredDocument::source).containsExactly("shipping.md");
			assertThat(store.keywordSearch("密码", 5)).isEmpty();
		}
	}

	private static void await(BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("condition within 15 s").isLessThan(deadline);
			Thread.sleep(50);
		}
	}

}
