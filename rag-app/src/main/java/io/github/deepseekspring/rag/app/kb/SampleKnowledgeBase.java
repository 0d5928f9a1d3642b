package io.github.deepseekspring.rag.app.kb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import io.github.deepseekspring.rag.KnowledgeBase;
import io.github.deepseekspring.rag.ingest.DocumentFormat;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The sample knowledge base shipped in {@code classpath:/sample-kb/}: a fictional router company's documents. */
public final class SampleKnowledgeBase {

	private SampleKnowledgeBase() {
	}

	/**
	 * Ingests every sample document through the knowledge base, in one batch (one commit instead of one per
	 * document).
	 * @return how many documents were ingested
	 */
	public static int loadInto(KnowledgeBase knowledgeBase) {
		try {
			Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath:/sample-kb/*");
			List<Resource> documents = Arrays.stream(resources)
				.filter((resource) -> DocumentFormat.detect(resource.getFilename(), null).isPresent())
				.sorted(Comparator.comparing(Resource::getFilename))
				.toList();
			return knowledgeBase.ingestAll(documents).size();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the sample knowledge base", ex);
		}
	}

}
