package io.github.deepseekspring.rag.app.photo;

import java.time.Duration;
import java.util.Optional;

import io.github.deepseekspring.rag.app.Problems;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A stored photo as an HTTP response, for whoever may see it: the image, or the same 404 whether absent or not theirs. */
public final class PhotoResponses {

	private PhotoResponses() {
	}

	public static ResponseEntity<?> of(Optional<Photo> photo) {
		return photo.<ResponseEntity<?>>map((found) -> ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(found.format().mimeType()))
			.cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
			.eTag(found.sha256())
			.body(found.bytes())).orElseGet(PhotoResponses::notFound);
	}

	public static ResponseEntity<?> notFound() {
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(Problems.of(HttpStatus.NOT_FOUND, "Photo not found", "No such photo."));
	}

}
