package io.github.deepseekspring.rag.store.lucene;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.github.deepseekspring.rag.store.KnowledgeChunk;

/**
 * Run in a child JVM by {@link LuceneCrashRecoveryTests}: replaces one document with ever newer versions until it
 * is killed, printing each committed version.
 */
public final class CrashingWriter {

	static final int CHUNKS_PER_VERSION = 40;

	private CrashingWriter() {
	}

	public static void main(String[] args) {
		LuceneKnowledgeStore store = LuceneKnowledgeStore.open(Path.of(args[0]));
		for (int version = 1;; version++) {
			store.replaceDocument("manual", version(version));
			System.out.println("committed " + version);
			System.out.flush();
		}
	}

	static List<KnowledgeChunk> version(int version) {
		List<KnowledgeChunk> chunks = new ArrayList<>();
		for (int i = 0; i < CHUNKS_PER_VERSION; i++) {
			chunks.add(new KnowledgeChunk("manual#" + version + "#" + i, "manual", i, "固件升级手册", null,
					"第 " + version + " 版 第 " + i + " 段 固件升级步骤", "manual.md", null, "c" + i, "v" + version,
					new float[] { 1, i, version }));
		}
		return chunks;
	}

}
