package io.github.deepseekspring.testkit.deepseek;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * DeepSeek's context cache, simplified: every prompt's prefixes are remembered in 64-token units; a later prompt's
 * cache hit is its longest remembered prefix (a multiple of 64 tokens). Unlike the real cache, entries are usable at
 * once and never expire (until {@link #clear()}).
 */
final class PrefixCache {

    static final int UNIT = 64;

    private final Set<Long> prefixes = ConcurrentHashMap.newKeySet();

    /**
     * Looks up, then remembers, the prefixes of a prompt.
     *
     * @param model  the model (caches are per model)
     * @param tokens the prompt's token pieces
     * @return cache-hit tokens
     */
    int hitThenRemember(String model, List<String> tokens) {
        long hash = mix(0x5DEECE66DL, model.hashCode());
        int hit = 0;
        boolean contiguous = true;
        for (int i = 0; i < tokens.size(); i++) {
            hash = mix(hash, tokens.get(i).hashCode());
            if ((i + 1) % UNIT == 0) {
                boolean seen = !prefixes.add(hash);
                contiguous &= seen;
                if (contiguous) {
                    hit = i + 1;
                }
            }
        }
        return hit;
    }

    void clear() {
        prefixes.clear();
    }

    private static long mix(long hash, int value) {
        long h = (hash ^ value) * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 31);
    }
}
