package io.github.deepseekspring.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.github.deepseekspring.rag.ingest.DocumentFormat;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The application's sample knowledge base, replicated: copy {@code r} of a file is a separate document (its own
 * source name, and a first line naming the copy, so no two documents have the same content).
 */
record SampleCorpus(List<Document> documents) {

	/** One file of the corpus. */
	record Document(String source, String title, DocumentFormat format, byte[] content) {

		String text() {
			return new String(this.content, StandardCharsets.UTF_8);
		}

	}

	static SampleCorpus replicated(int copies) {
		List<Document> originals = originals();
		List<Document> documents = new ArrayList<>(originals.size() * copies);
		for (int copy = 0; copy < copies; copy++) {
			for (Document original : originals) {
				String marker = (original.format() == DocumentFormat.HTML) ? "<!-- copy " + copy + " -->\n"
						: "copy " + copy + "\n\n";
				byte[] marked = (marker + original.text()).getBytes(StandardCharsets.UTF_8);
				documents.add(new Document("copy-" + copy + "/" + original.source(), original.title(),
						original.format(), marked));
			}
		}
		return new SampleCorpus(List.copyOf(documents));
	}

	private static List<Document> originals() {
		try {
			Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath:/sample-kb/*");
			Arrays.sort(files, Comparator.comparing(Resource::getFilename));
			List<Document> documents = new ArrayList<>();
			for (Resource file : files) {
				String name = file.getFilename();
				Optional<DocumentFormat> format = DocumentFormat.detect(name, null);
				if (format.isEmpty()) {
					continue;
				}
				try (InputStream in = file.getInputStream()) {
					documents.add(new Document(name, name.substring(0, name.lastIndexOf('.')), format.get(),
							in.readAllBytes()));
				}
			}
			return documents;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the sample knowledge base", ex);
		}
	}

	long characters() {
		return this.documents.stream().mapToLong((document) -> document.text().length()).sum();
	}

}
