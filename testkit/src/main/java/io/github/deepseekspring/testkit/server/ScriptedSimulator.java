package io.github.deepseekspring.testkit.server;

import java.net.URI;
import java.util.Objects;

import io.github.deepseekspring.testkit.RequestLog;
import io.github.deepseekspring.testkit.ScriptedReply;
import io.github.deepseekspring.testkit.fault.FaultInjector;

/**
 * What every simulator offers whatever protocol it speaks: a base URL on 127.0.0.1, scripted answers, the fault
 * injector, the request log, {@link #reset()} and {@link #close()}.
 *
 * @param <S> the simulator itself, so that configuration methods chain
 */
public abstract class ScriptedSimulator<S extends ScriptedSimulator<S>> implements AutoCloseable {

    private final ReplyScripts scripts = new ReplyScripts();
    private final SimulatorServer server;

    /**
     * Starts listening; the subclass then adds its routes to {@link #server()}.
     *
     * @param name   used in thread names
     * @param port   port, 0 for a free one
     * @param errors the protocol's error bodies
     */
    protected ScriptedSimulator(String name, int port, ErrorStyle errors) {
        this.server = new SimulatorServer(name, port, errors, this::reset, scripts);
    }

    /** @return the server, for the subclass's routes */
    protected final SimulatorServer server() {
        return server;
    }

    /** @return the scripts, for the subclass's handlers */
    protected final ReplyScripts replyScripts() {
        return scripts;
    }

    /** @return the base URL, e.g. {@code http://127.0.0.1:40123} */
    public final URI baseUrl() {
        return server.baseUrl();
    }

    /**
     * Scripts the answer when the last user message (or a completion prompt) contains {@code contains}. The most
     * recently added matching script wins; without a match the simulator echoes the request.
     *
     * @param contains text to look for
     * @param reply    the answer
     * @return this
     */
    public final S onUserMessage(String contains, ScriptedReply reply) {
        scripts.add(Objects.requireNonNull(contains), Objects.requireNonNull(reply));
        return self();
    }

    /** @return the fault injector of this simulator */
    public final FaultInjector faults() {
        return server.faults();
    }

    /** @return every request received */
    public final RequestLog requests() {
        return server.requests();
    }

    /** Forgets scripts, faults, the request log and whatever state the protocol keeps between requests. */
    public final void reset() {
        scripts.clear();
        server.faults().clear();
        server.requests().clear();
        forgetProtocolState();
    }

    /** Clears what the protocol remembers between requests (a context cache, pulled models). */
    protected abstract void forgetProtocolState();

    /** Stops listening and releases the threads. */
    @Override
    public final void close() {
        server.close();
    }

    @SuppressWarnings("unchecked")
    private S self() {
        return (S) this;
    }

}
