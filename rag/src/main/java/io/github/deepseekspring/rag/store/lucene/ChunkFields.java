package io.github.deepseekspring.rag.store.lucene;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.github.deepseekspring.rag.store.KnowledgeChunk;
import io.github.deepseekspring.rag.text.CjkBigramSegmenter;
import io.github.deepseekspring.rag.text.ProductCodes;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;

/** How a {@link KnowledgeChunk} maps to Lucene fields and back. */
final class ChunkFields {

	static final String CHUNK_ID = "chunkId";

	static final String DOCUMENT_ID = "documentId";

	static final String HEAD = "head";

	static final String TEXT = "text";

	static final String CODES = "codes";

	/** The {@code default} space's vectors; other spaces live in {@code vector_<space>}. */
	static final String VECTOR = "vector";

	private static final String VECTOR_PREFIX = VECTOR + "_";

	private static final String RAW_TEXT = "rawText";

	private static final String TITLE = "title";

	private static final String HEADING_PATH = "headingPath";

	private static final String SOURCE = "source";

	private static final String PAGE = "page";

	private static final String CHUNK_INDEX = "chunkIndex";

	private static final String CONTENT_HASH = "contentHash";

	private static final String DOCUMENT_HASH = "documentHash";

	private ChunkFields() {
	}

	/** Text arrives pre-segmented and lower-cased, so splitting at spaces is all the analysis left to do. */
	static Analyzer analyzer() {
		return new WhitespaceAnalyzer();
	}

	static Document toDocument(KnowledgeChunk chunk) {
		Document document = new Document();
		document.add(new StringField(CHUNK_ID, chunk.chunkId(), Field.Store.YES));
		document.add(new StringField(DOCUMENT_ID, chunk.documentId(), Field.Store.YES));
		if (chunk.chunkIndex() == 0) {
			document.add(new StringField(HEAD, "1", Field.Store.NO));
		}
		String searchable = String.join("\n", nonNull(chunk.title()), nonNull(chunk.headingPath()), chunk.text());
		document.add(new TextField(TEXT, CjkBigramSegmenter.segment(searchable), Field.Store.NO));
		for (String code : ProductCodes.in(searchable)) {
			document.add(new StringField(CODES, code, Field.Store.YES));
		}
		chunk.vectors()
			.forEach((space, vector) -> document
				.add(new KnnFloatVectorField(vectorField(space), vector, VectorSimilarityFunction.COSINE)));
		document.add(new StoredField(RAW_TEXT, chunk.text()));
		document.add(new StoredField(CHUNK_INDEX, chunk.chunkIndex()));
		storeIfPresent(document, TITLE, chunk.title());
		storeIfPresent(document, HEADING_PATH, chunk.headingPath());
		storeIfPresent(document, SOURCE, chunk.source());
		storeIfPresent(document, CONTENT_HASH, chunk.contentHash());
		storeIfPresent(document, DOCUMENT_HASH, chunk.documentHash());
		if (chunk.page() != null) {
			document.add(new StoredField(PAGE, chunk.page()));
		}
		return document;
	}

	static KnowledgeChunk fromStored(IndexSearcher searcher, int docId) throws IOException {
		StoredFields fields = searcher.storedFields();
		Document stored = fields.document(docId);
		Number page = (stored.getField(PAGE) != null) ? stored.getField(PAGE).numericValue() : null;
		return new KnowledgeChunk(stored.get(CHUNK_ID), stored.get(DOCUMENT_ID),
				stored.getField(CHUNK_INDEX).numericValue().intValue(), stored.get(TITLE), stored.get(HEADING_PATH),
				stored.get(RAW_TEXT), stored.get(SOURCE), (page != null) ? page.intValue() : null,
				stored.get(CONTENT_HASH), stored.get(DOCUMENT_HASH), Map.of());
	}

	/** The field holding a vector space's vectors. */
	static String vectorField(String space) {
		return KnowledgeChunk.DEFAULT_SPACE.equals(space) ? VECTOR : VECTOR_PREFIX + space;
	}

	/** The vector space a field holds, or null when the field holds no vectors. */
	static String spaceOf(String field) {
		if (field.equals(VECTOR)) {
			return KnowledgeChunk.DEFAULT_SPACE;
		}
		return field.startsWith(VECTOR_PREFIX) ? field.substring(VECTOR_PREFIX.length()) : null;
	}

	static List<String> codesOf(IndexSearcher searcher, int docId) throws IOException {
		return Arrays.asList(searcher.storedFields().document(docId).getValues(CODES));
	}

	private static void storeIfPresent(Document document, String name, String value) {
		if (value != null) {
			document.add(new StoredField(name, value));
		}
	}

	private static String nonNull(String value) {
		return (value != null) ? value : "";
	}

}
