package org.jbpf.bench;

import java.nio.file.Path;
import org.jbpf.runtime.BpfMap;
import org.jbpf.runtime.Codecs;

/**
 * The Java side of the map dump benchmark as a process of its own, so the benchmark can run it on another build's
 * class path (the "before" column): reads a pinned map of u32 keys and u64 values whole with {@link BpfMap#forEachRaw}
 * for a number of rounds and prints, per round, the entries read, entries per second and entries per second of this
 * thread's CPU time, as the C reader does. It uses
 * only what every build has: {@code openPinned}, {@code forEachRaw} and the int and long codecs.
 */
public final class MapDumpReader {
    private MapDumpReader() {}

    public static void main(String[] args) {
        Path pin = Path.of(args[0]);
        int rounds = Integer.parseInt(args[1]);
        long check = 0;
        try (BpfMap<Integer, Long> m = BpfMap.openPinned(pin, Codecs.INT, Codecs.LONG)) {
            for (int r = 0; r < rounds; r++) {
                long[] sum = {0, 0};
                long t0 = System.nanoTime(), c0 = MapDumpBench.cpuNanos();
                m.forEachRaw((k, v) -> {
                    sum[0] += k.getInt() + v.getLong();
                    sum[1]++;
                });
                long t1 = System.nanoTime(), c1 = MapDumpBench.cpuNanos();
                check += sum[0];
                System.out.printf("%d %.1f %.1f%n", sum[1], sum[1] * 1e9 / (t1 - t0), sum[1] * 1e9 / (c1 - c0));
            }
        }
        System.err.println("checksum " + check);
    }
}
