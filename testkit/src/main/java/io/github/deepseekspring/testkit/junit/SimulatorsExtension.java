package io.github.deepseekspring.testkit.junit;

import io.github.deepseekspring.testkit.deepseek.DeepSeekSimulator;
import io.github.deepseekspring.testkit.ollama.OllamaSimulator;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Injects a {@link DeepSeekSimulator} and/or an {@link OllamaSimulator} into test constructors, lifecycle methods
 * and test methods. One simulator of each kind per test class (started on first use, closed after the class);
 * each is {@code reset()} before every test, so scripts and faults never leak between tests.
 *
 * <pre>{@code
 * @ExtendWith(SimulatorsExtension.class)
 * class MyClientTests {
 *     @Test
 *     void answers(DeepSeekSimulator deepseek) { ... deepseek.baseUrl() ... }
 * }
 * }</pre>
 */
public final class SimulatorsExtension implements ParameterResolver, BeforeEachCallback {

    private static final Namespace NAMESPACE = Namespace.create(SimulatorsExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == DeepSeekSimulator.class || type == OllamaSimulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == DeepSeekSimulator.class ? deepseek(context) : ollama(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        ExtensionContext.Store store = classStore(context);
        Holder<?> deepseek = store.get(DeepSeekSimulator.class, Holder.class);
        if (deepseek != null) {
            ((DeepSeekSimulator) deepseek.simulator()).reset();
        }
        Holder<?> ollama = store.get(OllamaSimulator.class, Holder.class);
        if (ollama != null) {
            ((OllamaSimulator) ollama.simulator()).reset();
        }
    }

    private static DeepSeekSimulator deepseek(ExtensionContext context) {
        return (DeepSeekSimulator) classStore(context)
                .getOrComputeIfAbsent(DeepSeekSimulator.class, k -> new Holder<>(DeepSeekSimulator.start()), Holder.class)
                .simulator();
    }

    private static OllamaSimulator ollama(ExtensionContext context) {
        return (OllamaSimulator) classStore(context)
                .getOrComputeIfAbsent(OllamaSimulator.class, k -> new Holder<>(OllamaSimulator.start()), Holder.class)
                .simulator();
    }

    /** The store of the test class, so a simulator lives as long as the class (and closes with it). */
    private static ExtensionContext.Store classStore(ExtensionContext context) {
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
            classContext = classContext.getParent().get();
        }
        return classContext.getStore(NAMESPACE);
    }

    /** Closes its simulator when JUnit closes the class's store. */
    private record Holder<T extends AutoCloseable>(T simulator) implements ExtensionContext.Store.CloseableResource {

        @Override
        public void close() throws Exception {
            simulator.close();
        }
    }
}
