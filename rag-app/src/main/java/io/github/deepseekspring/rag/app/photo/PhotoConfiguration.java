package io.github.deepseekspring.rag.app.photo;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Photo questions: validation, metadata stripping and storage with the conversation. */
@Configuration(proxyBeanMethods = false)
class PhotoConfiguration {

	@Bean
	Photos photos(PhotoProperties properties) {
		return new Photos(properties);
	}

	@Bean
	PhotoStore photoStore(JdbcClient jdbc, PhotoProperties properties) {
		return new PhotoStore(jdbc, properties);
	}

}
