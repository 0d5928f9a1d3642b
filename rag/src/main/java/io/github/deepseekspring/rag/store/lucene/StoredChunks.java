package io.github.deepseekspring.rag.store.lucene;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.deepseekspring.rag.store.KnowledgeChunk;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;

/**
 * The chunks searches return, read from the index's stored fields once per reader instead of once per hit: every
 * question is searched by keywords and by vector, often in several wordings, over the same few hundred popular
 * chunks, and each read decompresses a block of stored fields. A reader's chunks never change (a write makes a new
 * reader), so each reader has its own cache, dropped when the reader closes; it holds at most {@code capacity}
 * chunks, the first ones asked for.
 */
final class StoredChunks {

	private final int capacity;

	private final Map<Object, Map<Integer, Stored>> byReader = new ConcurrentHashMap<>();

	StoredChunks(int capacity) {
		this.capacity = capacity;
	}

	/** A stored chunk and the product codes it names. */
	record Stored(KnowledgeChunk chunk, List<String> codes) {

	}

	Stored get(IndexSearcher searcher, int docId) throws IOException {
		Map<Integer, Stored> cache = cacheOf(searcher.getIndexReader());
		Stored stored = (cache != null) ? cache.get(docId) : null;
		if (stored == null) {
			stored = new Stored(ChunkFields.fromStored(searcher, docId), ChunkFields.codesOf(searcher, docId));
			if (cache != null && cache.size() < this.capacity) {
				cache.put(docId, stored);
			}
		}
		return stored;
	}

	private Map<Integer, Stored> cacheOf(IndexReader reader) {
		IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
		if (helper == null) {
			return null;
		}
		return this.byReader.computeIfAbsent(helper.getKey(), (key) -> {
			helper.addClosedListener(this.byReader::remove);
			return new ConcurrentHashMap<>();
		});
	}

}
