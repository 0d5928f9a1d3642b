package io.github.deepseekspring.rag.app.code;

import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The code assistant's page: language picker, task box, the streamed result with a copy button. */
@Controller
class CodePageController {

	@GetMapping("/code")
	String code(Model model) {
		List<Option> languages = Arrays.stream(CodeLanguage.values())
			.map((l) -> new Option(l.id(), l.displayName()))
			.toList();
		model.addAttribute("languages", languages);
		return "code";
	}

	/** One entry of the language picker. */
	record Option(String id, String name) {

	}

}
