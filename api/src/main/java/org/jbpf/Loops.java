package org.jbpf;

/**
 * Loops the kernel runs for the program: {@link #repeat} becomes the {@code bpf_loop} helper (Linux 5.17+), whose
 * body the verifier checks once instead of once per iteration, so a loop may run up to 8,388,608 times. On the JVM
 * the same loop runs in Java.
 */
public final class Loops {
    private Loops() {}

    /** The most iterations {@link #repeat} accepts (the kernel's {@code BPF_MAX_LOOPS}). */
    public static final int MAX_ITERATIONS = 1 << 23;

    /** One iteration of a loop: a static method of the probe, such as {@code Probe::step}. */
    @FunctionalInterface
    public interface Body<S> {
        /** Runs iteration {@code index}; returns 0 to go on, anything else to stop after this iteration. */
        long step(int index, S state);
    }

    /**
     * Calls {@code body} with indexes 0, 1, … {@code n - 1} and the same {@code state} (a local {@code @Struct}, or
     * null) until it returns non-zero. Returns how many iterations ran (the stopping one included), or -7 (-E2BIG)
     * when {@code n} is above {@link #MAX_ITERATIONS}. A negative {@code n} is taken as unsigned, as the kernel does.
     */
    public static <S> int repeat(int n, Body<S> body, S state) {
        if (Integer.toUnsignedLong(n) > MAX_ITERATIONS) return -7;
        for (int i = 0; i < n; i++) if (body.step(i, state) != 0) return i + 1;
        return n;
    }
}
