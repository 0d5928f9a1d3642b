package io.github.deepseekspring.ragstarter.consumer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.github.deepseekspring.rag.KnowledgeBase;
import io.github.deepseekspring.rag.ingest.IngestionResult;
import io.github.deepseekspring.rag.retrieval.KnowledgeMetadata;
import io.github.deepseekspring.testkit.ScriptedReply;
import io.github.deepseekspring.testkit.deepseek.DeepSeekSimulator;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.ai.document.Document;
import org.springframework.ai.rag.Query;
import org.springframework.ai.rag.retrieval.search.DocumentRetriever;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a user of the two starters gets, on whichever store the subclass configures: Markdown, HTML and PDF files
 * ingested, answered through {@code RetrievalAugmentationAdvisor} against the DeepSeek simulator with the retrieved
 * passages in the prompt, and documents carrying what citations need.
 */
abstract class KnowledgeBaseAnswersContract {

	@TempDir
	static Path files;

	@Autowired
	DeepSeekSimulator deepseek;

	@Autowired
	SupportAssistant assistant;

	@Autowired
	KnowledgeBase knowledgeBase;

	@Autowired
	DocumentRetriever knowledgeBaseRetriever;

	@BeforeEach
	void learnTheDocuments() throws IOException {
		this.deepseek.reset();
		this.assistant.learn(new ClassPathResource("docs/warranty.md"));
		this.assistant.learn(new ClassPathResource("docs/shipping.html"));
		this.assistant.learn(new FileSystemResource(returnsPdf()));
	}

	@Test
	void answersThroughTheAdvisorWithTheRetrievedPassagesInThePrompt() {
		this.deepseek.onUserMessage("保修多久", ScriptedReply.text("主机保修两年。"));

		assertThat(this.assistant.answer("YF-AX3000 保修多久？")).isEqualTo("主机保修两年。");

		JsonNode messages = this.deepseek.requests().last().json().path("messages");
		String prompt = messages.get(messages.size() - 1).path("content").asString();
		assertThat(prompt).contains("YF-AX3000 保修多久？").contains("自签收之日起保修两年");
	}

	@Test
	void retrievedDocumentsCarryWhatCitationsNeed() {
		List<Document> shipping = this.knowledgeBaseRetriever.retrieve(new Query("运费多少钱"));
		assertThat(shipping).first().satisfies((document) -> {
			assertThat(document.getText()).contains("满 99 元免运费");
			assertThat(document.getMetadata()).containsEntry(KnowledgeMetadata.SOURCE, "shipping.html")
				.containsEntry(KnowledgeMetadata.TITLE, "配送与运费")
				.containsEntry(KnowledgeMetadata.HEADING_PATH, "运费")
				.containsKey(KnowledgeMetadata.DOCUMENT_ID);
			assertThat(document.getScore()).isPositive();
		});

		List<Document> returns = this.knowledgeBaseRetriever.retrieve(new Query("return the router within days"));
		assertThat(returns).first().satisfies((document) -> {
			assertThat(document.getMetadata()).containsEntry(KnowledgeMetadata.SOURCE, "returns.pdf")
				.containsEntry(KnowledgeMetadata.PAGE, 1);
		});
	}

	@Test
	void ingestingAgainIsANoOpAndAChangedFileReplacesItsChunks() throws IOException {
		Path changed = files.resolve("warranty.md");
		Files.copy(new ClassPathResource("docs/warranty.md").getInputStream(), changed,
				java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		assertThat(this.knowledgeBase.ingest(new FileSystemResource(changed)).status())
			.isEqualTo(IngestionResult.Status.UNCHANGED);

		Files.writeString(changed, "# YF-AX3000 保修政策\n\n## 保修期限\n\n自 2027 年起主机保修三年。",
				StandardCharsets.UTF_8);
		assertThat(this.knowledgeBase.ingest(new FileSystemResource(changed)).status())
			.isEqualTo(IngestionResult.Status.UPDATED);

		List<Document> found = this.knowledgeBaseRetriever.retrieve(new Query("YF-AX3000 保修期限"));
		assertThat(found).extracting(Document::getText).anyMatch((text) -> text.contains("保修三年"))
			.noneMatch((text) -> text.contains("保修两年"));
	}

	private static Path returnsPdf() throws IOException {
		Path pdf = files.resolve("returns.pdf");
		if (Files.exists(pdf)) {
			return pdf;
		}
		try (PDDocument document = new PDDocument()) {
			PDPage page = new PDPage();
			document.addPage(page);
			try (PDPageContentStream text = new PDPageContentStream(document, page)) {
				text.beginText();
				text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
				text.newLineAtOffset(72, 700);
				text.showText("Returns: you may return the router within 7 days of delivery for a full refund.");
				text.endText();
			}
			document.getDocumentInformation().setTitle("Return policy");
			document.save(pdf.toFile());
		}
		return pdf;
	}

}
