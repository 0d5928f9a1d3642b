package io.github.deepseekspring.rag.app.photo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Photos customers attach to a chat question.
 *
 * @param maxCount most photos on one question (default 3); more answer 400
 * @param maxSize largest photo, decoded (default 5MB); a larger one answers 413
 * @param storageBudget bytes of photos kept in the database for all conversations together (default 1GB); past it the
 * oldest photos' bytes are dropped (their digests stay, the transcript says the photo is no longer kept)
 * @param describe whether the model describes the photos before the search (default true): the description and the
 * question's text find the passages together, as the text beside a photo rarely says what it shows ("what does this
 * light mean?"); one short call without thinking per question with photos
 */
@ConfigurationProperties("deepseek.rag.chat.images")
public record PhotoProperties(Integer maxCount, DataSize maxSize, DataSize storageBudget, Boolean describe) {

	public PhotoProperties {
		maxCount = (maxCount != null) ? maxCount : 3;
		maxSize = (maxSize != null) ? maxSize : DataSize.ofMegabytes(5);
		storageBudget = (storageBudget != null) ? storageBudget : DataSize.ofGigabytes(1);
		describe = (describe != null) ? describe : Boolean.TRUE;
	}

	/**
	 * The largest chat request body that can carry the photos: each as base64 (4/3 of its size) plus the JSON and
	 * the message around them.
	 */
	public long maxRequestBytes() {
		return this.maxCount * (this.maxSize.toBytes() * 4 / 3 + 64) + 64 * 1024;
	}

}
