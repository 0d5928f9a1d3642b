package io.github.deepseekspring.starter.consumer;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The smallest application a user writes: nothing DeepSeek-specific but the starter on the classpath. */
@SpringBootApplication
public class ConsumerApplication {

}
