package io.github.deepseekspring.testkit.ollama;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import io.github.deepseekspring.testkit.SimulatedTokenizer;

/**
 * Deterministic unit vectors built by feature hashing: every word piece and every pair of adjacent CJK characters
 * adds a few pseudo-random ±1 components. The same text always gets the same vector, and texts sharing words get a
 * higher cosine similarity, so retrieval tests against the simulator behave sensibly.
 */
final class HashingEmbedder {

    private static final int COMPONENTS_PER_FEATURE = 8;

    private HashingEmbedder() {
    }

    static float[] embed(String text, int dimensions) {
        double[] sum = new double[dimensions];
        for (String feature : features(text)) {
            SplittableRandom random = new SplittableRandom(fnv1a(feature));
            for (int i = 0; i < COMPONENTS_PER_FEATURE; i++) {
                sum[random.nextInt(dimensions)] += random.nextBoolean() ? 1 : -1;
            }
        }
        double norm = 0;
        for (double v : sum) {
            norm += v * v;
        }
        float[] vector = new float[dimensions];
        if (norm == 0) {
            vector[0] = 1;
            return vector;
        }
        double length = Math.sqrt(norm);
        for (int i = 0; i < dimensions; i++) {
            vector[i] = (float) (sum[i] / length);
        }
        return vector;
    }

    private static List<String> features(String text) {
        List<String> features = new ArrayList<>();
        String previous = null;
        for (String piece : SimulatedTokenizer.pieces(text)) {
            String token = piece.strip().toLowerCase(Locale.ROOT);
            if (token.isEmpty()) {
                continue;
            }
            features.add(token);
            boolean cjk = token.codePointAt(0) >= 0x2E80;
            if (cjk && previous != null) {
                features.add(previous + token);
            }
            previous = cjk ? token : null;
        }
        return features;
    }

    private static long fnv1a(String feature) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : feature.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b;
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
