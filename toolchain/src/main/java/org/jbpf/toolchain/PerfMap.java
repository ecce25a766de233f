package org.jbpf.toolchain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A JIT's perf map, {@code /tmp/perf-<pid>.map}: one line per compiled method, {@code START SIZE name} with the
 * addresses in hex (with or without {@code 0x}), as HotSpot writes it on {@code jcmd <pid> Compiler.perfmap} or with
 * {@code -XX:+DumpPerfMapAtExit}. Later lines win where code was recompiled at the same address.
 */
public final class PerfMap {
    private final long[] starts, ends;
    private final String[] names;

    private PerfMap(long[] starts, long[] ends, String[] names) {
        this.starts = starts;
        this.ends = ends;
        this.names = names;
    }

    /** The perf map of process {@code pid}; empty when it has none. */
    public static PerfMap of(long pid) {
        return read(Path.of("/tmp/perf-" + pid + ".map"));
    }

    static PerfMap read(Path file) {
        try {
            return parse(Files.readAllLines(file));
        } catch (IOException e) {
            return parse(List.of());
        }
    }

    static PerfMap parse(List<String> lines) {
        record Entry(long start, long end, String name, int line) {}
        List<Entry> entries = new ArrayList<>();
        for (String line : lines) {
            String[] f = line.trim().split("\\s+", 3);
            if (f.length < 3) continue;
            try {
                long start = Long.parseUnsignedLong(strip(f[0]), 16), size = Long.parseUnsignedLong(strip(f[1]), 16);
                entries.add(new Entry(start, start + size, f[2], entries.size()));
            } catch (NumberFormatException e) {
                // not a map line
            }
        }
        entries.sort((a, b) -> a.start() != b.start() ? Long.compareUnsigned(a.start(), b.start()) : Integer.compare(b.line(), a.line()));
        List<Entry> unique = new ArrayList<>();
        for (Entry e : entries) if (unique.isEmpty() || unique.get(unique.size() - 1).start() != e.start()) unique.add(e);
        long[] starts = new long[unique.size()], ends = new long[unique.size()];
        String[] names = new String[unique.size()];
        for (int i = 0; i < unique.size(); i++) {
            starts[i] = unique.get(i).start();
            ends[i] = unique.get(i).end();
            names[i] = unique.get(i).name();
        }
        return new PerfMap(starts, ends, names);
    }

    private static String strip(String hex) {
        return hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
    }

    public int size() { return names.length; }

    /** The name of the method whose code holds {@code address}, or null. */
    public String symbolize(long address) {
        int found = SortedAddresses.floor(starts, address);
        return found >= 0 && Long.compareUnsigned(address, ends[found]) < 0 ? names[found] : null;
    }
}
