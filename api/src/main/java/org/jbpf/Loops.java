package org.jbpf;

/**
 * Loops the kernel runs for the program: {@link #repeat} becomes the {@code bpf_loop} helper (Linux 5.17+), whose
 * body the verifier checks once instead of once per iteration, so a loop may run up to 8,388,608 times.
 * {@link #numbers} is the kernel's open-coded numeric iterator (Linux 6.4+): a plain loop in the program whose body
 * the verifier also checks only until it converges. On the JVM both run in Java.
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

    /**
     * The numbers {@code from}, {@code from + 1}, … {@code to - 1}, one per {@link Numbers#next} (the kernel's
     * {@code bpf_iter_num_new}). The range is empty when {@code from > to} or it holds more than {@link #MAX_ITERATIONS}
     * numbers. Close it with {@link Numbers#close} on every path before the program returns:
     * <pre>{@code
     * Loops.Numbers it = Loops.numbers(0, n);
     * while (it.next()) {
     *     int i = it.value();
     *     ...
     * }
     * it.close();
     * }</pre>
     */
    public static Numbers numbers(int from, int to) { return new Numbers(from, to); }

    /**
     * An open-coded numeric iterator ({@code struct bpf_iter_num}, 8 bytes of the program's stack). In a BPF program it
     * is a local variable made by {@link #numbers}; {@link #next} is {@code bpf_iter_num_next}, {@link #close}
     * {@code bpf_iter_num_destroy}.
     */
    public static final class Numbers {
        private int current;
        private int end;
        private int value;

        private Numbers(int from, int to) {
            boolean empty = from > to || (long) to - from > MAX_ITERATIONS;
            current = empty ? 0 : from - 1;
            end = empty ? 0 : to;
        }

        /** Moves to the next number; false (and from then on always false) once the range is used up. */
        public boolean next() {
            if ((long) current + 1 >= end) {
                current = end = 0;
                return false;
            }
            value = ++current;
            return true;
        }

        /** The number the last successful {@link #next} moved to (0 before the first). */
        public int value() { return value; }

        /** Releases the iterator; a BPF program must call it before it returns. */
        public void close() { current = end = 0; }
    }
}
