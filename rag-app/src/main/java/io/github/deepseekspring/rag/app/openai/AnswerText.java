package io.github.deepseekspring.rag.app.openai;

/**
 * What the facade does to the model's answer text on its way to the client: nothing for the DeepSeek models; for
 * the knowledge-base model, citation renumbering, the not-covered answer and the sources appended.
 */
interface AnswerText {

	/** The text to send now for the next streamed piece (may be empty while text is held back). */
	String piece(String text);

	/** The text to send at the end of a stream. */
	String end();

	/** The text of a whole answer. */
	String whole(String text);

	/** The model's text as it is. */
	static AnswerText verbatim() {
		return Verbatim.INSTANCE;
	}

	/** The identity. */
	enum Verbatim implements AnswerText {

		INSTANCE;

		@Override
		public String piece(String text) {
			return text;
		}

		@Override
		public String end() {
			return "";
		}

		@Override
		public String whole(String text) {
			return text;
		}

	}

}
