package io.github.deepseekspring.rag.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The sample knowledge base shipped in {@code classpath:/sample-kb/}: a fictional router company's documents. */
public final class SampleKnowledgeBase {

	private SampleKnowledgeBase() {
	}

	/**
	 * Ingests every sample document through the normal ingestion path, in one batch.
	 * @return how many documents were ingested
	 */
	public static int loadInto(IngestionService ingestion) {
		try {
			Resource[] documents = new PathMatchingResourcePatternResolver().getResources("classpath:/sample-kb/*");
			Arrays.sort(documents, Comparator.comparing(Resource::getFilename));
			List<IngestionService.Upload> uploads = new ArrayList<>();
			for (Resource document : documents) {
				String name = document.getFilename();
				Optional<DocumentFormat> format = DocumentFormat.detect(name, null);
				if (format.isEmpty()) {
					continue;
				}
				try (InputStream in = document.getInputStream()) {
					uploads.add(new IngestionService.Upload(in.readAllBytes(), format.get(), name,
							name.substring(0, name.lastIndexOf('.'))));
				}
			}
			// One write for the whole (small) sample: one commit instead of one per document.
			int loaded = ingestion.ingestAll(uploads).size();
			return loaded;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the sample knowledge base", ex);
		}
	}

}
