package app.bytewise.classroom;

/**
 * Reproducible seeds: SplitMix64's finaliser (Steele, Lea and Flood, "Fast splittable pseudorandom
 * number generators", OOPSLA 2014) folded over the parts, so seed(quiz, student, slot) is stable
 * across runs and machines, unlike {@code Objects.hash}. Kept to 48 bits so question ids stay short.
 */
final class Seeds {

    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
    private static final long MASK_48 = (1L << 48) - 1;

    private Seeds() {
    }

    static long of(long... parts) {
        long h = 0;
        for (long part : parts) {
            h = mix(h + GOLDEN_GAMMA + part);
        }
        return h & MASK_48;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
