package io.github.deepseekspring.rag.store.lucene;

import java.nio.file.Path;

import io.github.deepseekspring.rag.store.KnowledgeStore;
import io.github.deepseekspring.rag.store.KnowledgeStoreContractTests;
import org.junit.jupiter.api.io.TempDir;

class LuceneKnowledgeStoreTests extends KnowledgeStoreContractTests {

	@TempDir
	Path folder;

	@Override
	protected KnowledgeStore openStore() {
		return LuceneKnowledgeStore.open(this.folder.resolve("index"));
	}

	@Override
	protected void closeStore(KnowledgeStore store) {
		((LuceneKnowledgeStore) store).close();
	}

}
