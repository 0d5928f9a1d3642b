package io.github.deepseekspring.testkit.server;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.deepseekspring.testkit.ScriptedReply;

/** Scripted replies keyed by text the last user message contains; the most recently added match wins. */
public final class ReplyScripts {

    private record Script(String contains, ScriptedReply reply) {
    }

    private final List<Script> scripts = new CopyOnWriteArrayList<>();

    /**
     * Adds a script.
     *
     * @param contains text the last user message must contain
     * @param reply    the reply
     */
    public void add(String contains, ScriptedReply reply) {
        scripts.add(0, new Script(contains, reply));
    }

    /**
     * Finds the reply for a message.
     *
     * @param lastUserMessage the text of the last user message
     * @return the matching reply, if any
     */
    public Optional<ScriptedReply> match(String lastUserMessage) {
        return scripts.stream().filter(s -> lastUserMessage.contains(s.contains())).map(Script::reply).findFirst();
    }

    /** Removes every script. */
    public void clear() {
        scripts.clear();
    }
}
