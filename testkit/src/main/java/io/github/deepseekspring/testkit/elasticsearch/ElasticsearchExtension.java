package io.github.deepseekspring.testkit.elasticsearch;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Injects the shared {@link TestElasticsearch} into test constructors, lifecycle methods and test methods.
 *
 * <pre>{@code
 * @ExtendWith(ElasticsearchExtension.class)
 * class MyIntegrationTests {
 *     @Test
 *     void search(TestElasticsearch es) { ... es.httpUri() ... }
 * }
 * }</pre>
 */
public final class ElasticsearchExtension implements ParameterResolver {

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == TestElasticsearch.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return TestElasticsearch.shared();
	}

}
