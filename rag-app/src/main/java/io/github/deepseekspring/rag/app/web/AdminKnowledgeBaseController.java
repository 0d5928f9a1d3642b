package io.github.deepseekspring.rag.app.web;

import java.io.IOException;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

import io.github.deepseekspring.rag.KnowledgeBase;
import io.github.deepseekspring.rag.ingest.DocumentFormat;
import io.github.deepseekspring.rag.ingest.IngestionResult;
import io.github.deepseekspring.rag.ingest.UnreadableDocumentException;
import io.github.deepseekspring.rag.app.kb.UploadNames;
import io.github.deepseekspring.rag.store.StoredDocument;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The knowledge base page for administrators: the documents with their chunk counts, an upload form and delete
 * buttons (plain forms with CSRF tokens; errors come back as a message on the page, never as a stack trace).
 */
@Controller
class AdminKnowledgeBaseController {

	private final KnowledgeBase knowledgeBase;

	private final MessageSource messages;

	AdminKnowledgeBaseController(KnowledgeBase knowledgeBase, MessageSource messages) {
		this.knowledgeBase = knowledgeBase;
		this.messages = messages;
	}

	@GetMapping("/admin/kb")
	String documents(Model model) {
		model.addAttribute("documents",
				this.knowledgeBase.documents().stream().sorted(Comparator.comparing(StoredDocument::title)).toList());
		return "admin/kb";
	}

	@PostMapping("/admin/kb")
	String upload(@RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect,
			Locale locale) throws IOException {
		if (file == null || file.isEmpty()) {
			return flash(redirect, "error", message("kb.upload.empty", locale));
		}
		Optional<DocumentFormat> format = DocumentFormat.detect(file.getOriginalFilename(), file.getContentType());
		if (format.isEmpty()) {
			return flash(redirect, "error", message("kb.upload.unsupported", locale));
		}
		String source = UploadNames.baseName(file.getOriginalFilename());
		try {
			IngestionResult result = this.knowledgeBase.ingest(file.getBytes(), format.get(), source,
					UploadNames.titleOf(source));
			return flash(redirect, "message", message("kb.upload.done", locale, result.title(), result.chunks(),
					result.status().name().toLowerCase(Locale.ROOT)));
		}
		catch (UnreadableDocumentException ex) {
			return flash(redirect, "error", message("kb.upload.unreadable", locale, ex.getMessage()));
		}
	}

	@PostMapping("/admin/kb/{documentId}/delete")
	String delete(@PathVariable String documentId, RedirectAttributes redirect, Locale locale) {
		boolean deleted = this.knowledgeBase.delete(documentId);
		return deleted ? flash(redirect, "message", message("kb.deleted", locale))
				: flash(redirect, "error", message("kb.notFound", locale));
	}

	private String message(String code, Locale locale, Object... arguments) {
		return this.messages.getMessage(code, arguments, locale);
	}

	private static String flash(RedirectAttributes redirect, String kind, String text) {
		redirect.addFlashAttribute(kind, text);
		return "redirect:/admin/kb";
	}

}
