package io.github.deepseekspring.rag.app.photo;

import io.github.deepseekspring.rag.app.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * Photos that cannot be taken as sent: too many or malformed (400), too large (413), not an image (415). The detail
 * names the limit; nothing of the question was stored. Spring MVC answers it as problem details.
 */
public class PhotoRejectedException extends ErrorResponseException {

	private static final long serialVersionUID = 1L;

	PhotoRejectedException(HttpStatus status, String title, String detail) {
		super(status, Problems.of(status, title, detail), null);
		setDetail(detail);
	}

	static PhotoRejectedException malformed(String detail) {
		return new PhotoRejectedException(HttpStatus.BAD_REQUEST, "Invalid photo", detail);
	}

	static PhotoRejectedException tooMany(int max) {
		return new PhotoRejectedException(HttpStatus.BAD_REQUEST, "Too many photos",
				"At most " + max + " photos can be attached to one question (deepseek.rag.chat.images.max-count)");
	}

	static PhotoRejectedException tooLarge(int index, long max) {
		return new PhotoRejectedException(HttpStatus.CONTENT_TOO_LARGE, "Photo too large", "Photo " + (index + 1)
				+ " is larger than " + max + " bytes (deepseek.rag.chat.images.max-size)");
	}

	static PhotoRejectedException notAnImage(int index) {
		return new PhotoRejectedException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Not a photo", "Photo " + (index + 1)
				+ " is not a JPEG, PNG, GIF or WebP image (recognised from its content, not its declared type)");
	}

	@Override
	public String getMessage() {
		return getBody().getDetail();
	}

}
