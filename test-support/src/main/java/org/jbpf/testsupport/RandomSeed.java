package org.jbpf.testsupport;

/**
 * The seed of a random test. Without {@code -Djbpf.random.seed} it is the test's own fixed seed, one that has passed,
 * so that a build is judged on the code it holds and every run of the suite is repeatable. {@code -Djbpf.random.seed=N}
 * replays seed N; {@code -Djbpf.random.seed=fresh} draws a new one each run, to keep exploring.
 */
public final class RandomSeed {
    public static final String PROPERTY = "jbpf.random.seed";

    private RandomSeed() {}

    /** The seed this run uses, given the test's fixed one. */
    public static long of(long fixed) {
        String given = System.getProperty(PROPERTY);
        if (given == null || given.isBlank()) return fixed;
        if (given.trim().equals("fresh")) return System.nanoTime();
        try {
            return Long.parseLong(given.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + PROPERTY + "=" + given + ": give a number, or 'fresh' for a new seed");
        }
    }
}
