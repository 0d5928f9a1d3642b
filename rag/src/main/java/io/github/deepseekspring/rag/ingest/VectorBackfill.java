package io.github.deepseekspring.rag.ingest;

import java.util.List;

import io.github.deepseekspring.rag.embedding.VectorSpace;
import io.github.deepseekspring.rag.embedding.VectorSpaces;
import io.github.deepseekspring.rag.store.KnowledgeStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the stored chunks the vectors of a model added to the knowledge base after they were ingested (an English
 * model beside the Chinese one, after an upgrade): when a vector space holds fewer vectors than the store holds
 * chunks, every document is embedded again in the background, one atomic document at a time. Searches keep working
 * meanwhile; a space still filling finds fewer passages until it is done.
 */
public final class VectorBackfill implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(VectorBackfill.class);

	private final KnowledgeStore store;

	private final VectorSpaces spaces;

	private final IngestionService ingestion;

	private volatile Thread thread;

	public VectorBackfill(KnowledgeStore store, VectorSpaces spaces, IngestionService ingestion) {
		this.store = store;
		this.spaces = spaces;
		this.ingestion = ingestion;
	}

	/** The spaces that hold fewer vectors than the store holds chunks. */
	public List<String> incompleteSpaces() {
		long chunks = this.store.chunkCount();
		return this.spaces.all()
			.stream()
			.map(VectorSpace::name)
			.filter((space) -> this.store.vectorCount(space) < chunks)
			.toList();
	}

	/** Starts embedding again in the background when a space is incomplete; returns at once. */
	public void start() {
		List<String> incomplete = incompleteSpaces();
		if (incomplete.isEmpty()) {
			return;
		}
		logger.info("Knowledge base: the {} vector space(s) lack vectors for some of the {} chunks; embedding every "
				+ "document again in the background", incomplete, this.store.chunkCount());
		this.thread = Thread.ofVirtual().name("kb-vector-backfill").start(this::run);
	}

	/** Waits for a running backfill to end (tests, orderly shutdown of a batch job). */
	public void await() throws InterruptedException {
		Thread running = this.thread;
		if (running != null) {
			running.join();
		}
	}

	private void run() {
		try {
			int chunks = this.ingestion.embedAgain();
			logger.info("Knowledge base: {} chunks embedded again; every vector space is complete", chunks);
		}
		catch (RuntimeException ex) {
			logger.warn("Knowledge base: embedding the documents again failed ({}); it is tried again at the next "
					+ "start", ex.toString());
		}
	}

	@Override
	public void close() {
		Thread running = this.thread;
		if (running != null) {
			running.interrupt();
		}
	}

}
