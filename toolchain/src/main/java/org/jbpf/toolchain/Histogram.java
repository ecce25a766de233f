package org.jbpf.toolchain;

import java.util.List;

/**
 * A histogram drawn as bars in the manner of bpftrace's {@code hist()}: in a log2 one slot k counts values in
 * [2^k, 2^(k+1)) (slot 0 also holds 0), the usual {@code slot = log2(value)} of a probe.
 */
public final class Histogram {
    static final int WIDTH = 52;

    private Histogram() {}

    /** Rows from the first to the last non-empty slot; empty when every slot is zero. */
    public static String render(List<Long> slots) {
        return render(slots, Histogram::label);
    }

    /** A linear histogram: slot k counts values in [k*step, (k+1)*step), like bpftrace's {@code lhist()}. */
    public static String renderLinear(List<Long> slots, long step) {
        return render(slots, k -> "[" + k * step + ", " + (k + 1) * step + ")");
    }

    private static String render(List<Long> slots, java.util.function.IntFunction<String> label) {
        int first = -1, last = -1;
        long max = 0;
        for (int i = 0; i < slots.size(); i++) {
            long c = slots.get(i);
            if (c == 0) continue;
            if (first < 0) first = i;
            last = i;
            max = Math.max(max, c);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = first; first >= 0 && i <= last; i++) {
            long c = slots.get(i);
            int bar = (int) Math.round((double) c * WIDTH / max);
            sb.append(String.format("%-20s %8d |%-" + WIDTH + "s|%n", label.apply(i), c, "@".repeat(bar)));
        }
        return sb.toString();
    }

    static String label(int slot) {
        if (slot == 0) return "[0, 2)";
        return "[" + size(slot) + ", " + size(slot + 1) + ")";
    }

    /** 2^power with a K/M/G/T/P/E suffix for powers of 1024, like bpftrace. */
    static String size(int power) {
        String[] units = {"", "K", "M", "G", "T", "P", "E"};
        int unit = Math.min(power / 10, units.length - 1);
        return (1L << (power - unit * 10)) + units[unit];
    }
}
