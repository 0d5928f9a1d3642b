package io.github.deepseekspring.autoconfigure.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Points the DeepSeek starter of a {@code @SpringBootTest} at an in-JVM DeepSeek API simulator from
 * {@code deepseek-testkit}, so tests of your own DeepSeek-backed code run offline. The simulator is a bean: inject
 * {@code DeepSeekSimulator} to script answers, inject faults and inspect requests.
 *
 * <pre>{@code
 * @SpringBootTest
 * @UseDeepSeekSimulator
 * class AssistantTests {
 *     @Autowired DeepSeekSimulator deepseek;
 *     @Autowired ChatClient.Builder chat;
 * }
 * }</pre>
 *
 * Needs {@code io.github.deepseekspring:deepseek-testkit} on the test classpath.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface UseDeepSeekSimulator {

}
