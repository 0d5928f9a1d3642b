package io.github.deepseekspring.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.deepseekspring.rag.store.KnowledgeChunk;
import io.github.deepseekspring.rag.store.KnowledgeStore;
import io.github.deepseekspring.rag.store.StoreHit;
import io.github.deepseekspring.rag.store.StoredDocument;

/** Keeps what ingestion writes (chunks with their vectors) in memory, to build a large corpus from it; no search. */
final class CapturingStore implements KnowledgeStore {

	private final Map<String, List<KnowledgeChunk>> documents = new LinkedHashMap<>();

	@Override
	public synchronized void replaceDocument(String documentId, List<KnowledgeChunk> chunks) {
		this.documents.put(documentId, List.copyOf(chunks));
	}

	synchronized List<List<KnowledgeChunk>> captured() {
		return new ArrayList<>(this.documents.values());
	}

	@Override
	public Optional<String> documentHash(String documentId) {
		return Optional.empty();
	}

	@Override
	public List<StoredDocument> documents() {
		return List.of();
	}

	@Override
	public long chunkCount() {
		return this.documents.values().stream().mapToLong(List::size).sum();
	}

	@Override
	public List<StoreHit> keywordSearch(String query, int limit) {
		throw new UnsupportedOperationException();
	}

	@Override
	public long vectorCount(String space) {
		return chunkCount();
	}

	@Override
	public List<StoreHit> vectorSearch(String space, float[] queryVector, int limit) {
		throw new UnsupportedOperationException();
	}

	@Override
	public Map<String, Integer> vectorSpaces() {
		return Map.of();
	}

	@Override
	public synchronized List<KnowledgeChunk> chunks(String documentId) {
		return this.documents.getOrDefault(documentId, List.of());
	}

	@Override
	public String kind() {
		return "capture";
	}

	@Override
	public void close() {
	}

}
