package io.github.deepseekspring.testkit.ollama;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

/**
 * A model the Ollama simulator knows, with what it can do ({@code completion}, {@code thinking}, {@code tools},
 * {@code insert} (FIM via {@code suffix}), {@code embedding}, {@code vision}), inferred from its name ({@code llava},
 * {@code *vision*}, {@code *vl*}, {@code gemma3}, {@code moondream}, {@code minicpm-v}: vision).
 */
record ModelSpec(String name, String family, String parameterSize, String quantization, long size,
        Set<String> capabilities, int embeddingDimensions) {

    static ModelSpec named(String rawName) {
        String name = normalize(rawName);
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.startsWith("deepseek-r1")) {
            return new ModelSpec(name, "qwen2", "7.6B", "Q4_K_M", 4_683_075_271L,
                    Set.of("completion", "thinking", "tools"), 0);
        }
        if (lower.contains("llava") || lower.contains("vision") || lower.contains("vl") || lower.startsWith("gemma3")
                || lower.contains("moondream") || lower.contains("minicpm-v")) {
            return new ModelSpec(name, "mllama", "7.2B", "Q4_K_M", 4_700_000_000L, Set.of("completion", "vision", "tools"), 0);
        }
        if (lower.contains("coder")) {
            return new ModelSpec(name, "deepseek2", "15.7B", "Q4_0", 8_905_110_512L, Set.of("completion", "insert"), 0);
        }
        if (lower.contains("embed") || lower.startsWith("bge") || lower.contains("minilm")) {
            int dimensions = lower.startsWith("nomic") ? 768 : lower.contains("minilm") ? 384 : 1024;
            return new ModelSpec(name, "bert", "566.70M", "F16", 1_157_672_605L, Set.of("embedding"), dimensions);
        }
        return new ModelSpec(name, "llama", "8.0B", "Q4_K_M", 4_920_753_328L, Set.of("completion", "tools"), 0);
    }

    /** {@code bge-m3} and {@code bge-m3:latest} are the same model. */
    static String normalize(String name) {
        return name.contains(":") ? name : name + ":latest";
    }

    boolean can(String capability) {
        return capabilities.contains(capability);
    }

    String digest() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
