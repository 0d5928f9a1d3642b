package io.github.deepseekspring.testkit.ollama;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

import io.github.deepseekspring.testkit.server.ApiError;

/** The installed models and the ones loaded in (simulated) memory, as {@code /api/tags} and {@code /api/ps} report them. */
final class OllamaModels {

    static final List<String> DEFAULTS = List.of("deepseek-r1:7b", "deepseek-coder-v2:16b", "bge-m3");
    static final Duration DEFAULT_KEEP_ALIVE = Duration.ofMinutes(5);

    private final Map<String, ModelSpec> installed = new ConcurrentSkipListMap<>();
    private final Map<String, Instant> loadedUntil = new ConcurrentHashMap<>();
    private final Instant modifiedAt = Instant.now();

    OllamaModels() {
        restoreDefaults();
    }

    void restoreDefaults() {
        installed.clear();
        loadedUntil.clear();
        DEFAULTS.forEach(this::install);
    }

    void install(String name) {
        ModelSpec spec = ModelSpec.named(name);
        installed.put(spec.name(), spec);
    }

    boolean remove(String name) {
        String key = ModelSpec.normalize(name);
        loadedUntil.remove(key);
        return installed.remove(key) != null;
    }

    Optional<ModelSpec> find(String name) {
        return name == null || name.isBlank() ? Optional.empty() : Optional.ofNullable(installed.get(ModelSpec.normalize(name)));
    }

    /** The model a request names, or 404 "not found, try pulling it first" (400 when none is named). */
    ModelSpec require(String name) {
        if (name == null || name.isBlank()) {
            throw new ApiError(400, "model is required");
        }
        return find(name).orElseThrow(() -> new ApiError(404, OllamaErrors.notFound(name)));
    }

    Collection<ModelSpec> installed() {
        return installed.values();
    }

    Instant modifiedAt() {
        return modifiedAt;
    }

    /** A request used the model: it stays loaded for {@code keepAlive} (zero unloads it). */
    void touch(ModelSpec model, Duration keepAlive) {
        if (keepAlive.isZero()) {
            loadedUntil.remove(model.name());
        } else {
            loadedUntil.put(model.name(), keepAlive.isNegative() ? Instant.parse("2318-01-01T00:00:00Z") : Instant.now().plus(keepAlive));
        }
    }

    Map<ModelSpec, Instant> loaded() {
        Instant now = Instant.now();
        Map<ModelSpec, Instant> result = new java.util.LinkedHashMap<>();
        loadedUntil.forEach((name, until) -> {
            if (until.isAfter(now) && installed.containsKey(name)) {
                result.put(installed.get(name), until);
            }
        });
        return result;
    }
}
