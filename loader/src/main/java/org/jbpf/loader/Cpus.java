package org.jbpf.loader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU counts the kernel sizes per-CPU data by. */
public final class Cpus {
    private Cpus() {}

    private static volatile int possible = -1;

    /**
     * Number of possible CPUs: one more than the highest index in {@code /sys/devices/system/cpu/possible}
     * (e.g. "0-3" gives 4). Per-CPU map values and perf event arrays have one slot for each.
     */
    public static int possible() {
        int p = possible;
        if (p > 0) return p;
        try {
            p = parseRange(Files.readString(Path.of("/sys/devices/system/cpu/possible")));
        } catch (IOException e) {
            p = Runtime.getRuntime().availableProcessors();
        }
        possible = p;
        return p;
    }

    /** The CPUs online now ({@code /sys/devices/system/cpu/online}, e.g. "0-3,5"), in order. */
    public static int[] online() {
        String list;
        try {
            list = Files.readString(Path.of("/sys/devices/system/cpu/online"));
        } catch (IOException e) {
            list = "0-" + (Runtime.getRuntime().availableProcessors() - 1);
        }
        return parseList(list);
    }

    /** Every CPU index of a list like "0-3,5,7-8". */
    static int[] parseList(String list) {
        int[] cpus = new int[0];
        for (String part : list.trim().split(",")) {
            if (part.isEmpty()) continue;
            int dash = part.indexOf('-');
            int lo = Integer.parseInt(dash < 0 ? part : part.substring(0, dash));
            int hi = Integer.parseInt(dash < 0 ? part : part.substring(dash + 1));
            int from = cpus.length;
            cpus = java.util.Arrays.copyOf(cpus, from + hi - lo + 1);
            for (int c = lo; c <= hi; c++) cpus[from + c - lo] = c;
        }
        return cpus;
    }

    /** Highest CPU index + 1 of a list like "0-3,5,7-8". */
    static int parseRange(String list) {
        int max = -1;
        for (String part : list.trim().split(",")) {
            if (part.isEmpty()) continue;
            int dash = part.indexOf('-');
            int hi = Integer.parseInt(dash < 0 ? part : part.substring(dash + 1));
            max = Math.max(max, hi);
        }
        if (max < 0) throw new IllegalArgumentException("no CPUs in \"" + list.trim() + "\"");
        return max + 1;
    }
}
