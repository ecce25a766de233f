package org.jbpf.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.jbpf.core.btf.Btf;
import org.jbpf.core.obj.MapSpec;
import org.jbpf.core.obj.MapTypes;
import org.jbpf.runtime.BpfMap;
import org.jbpf.toolchain.Histogram;
import org.jbpf.toolchain.MapText;

/**
 * Prints a map's contents as a table (largest values first), or as a log2 bar chart when the map is a histogram:
 * an array of counters whose name says so ("hist"). Struct keys and values are shown field by field when the map
 * has BTF for them; other keys and values as little-endian integers.
 */
final class MapPrinter {
    /** The narrowest key column, wide enough for any 64-bit integer key. */
    static final int KEY_WIDTH = 20;

    private final PrintStream out;
    private final int top;

    MapPrinter(PrintStream out, int top) {
        this.out = out;
        this.top = top;
    }

    static boolean isHistogram(MapSpec m) {
        boolean array = m.type() == MapTypes.ARRAY || m.type() == MapTypes.PERCPU_ARRAY;
        return array && m.keySize() == 4 && (m.valueSize() == 8 || m.valueSize() == 4)
                && m.name().toLowerCase().contains("hist");
    }

    static boolean isReadable(MapSpec m) {
        return m.type() != MapTypes.PERF_EVENT_ARRAY && m.type() != MapTypes.RINGBUF && m.type() != MapTypes.STACK_TRACE;
    }

    /**
     * Prints one map. {@code guessText} shows byte arrays of printable ASCII as text, for maps whose Java types are
     * unknown (.o files, pinned maps); otherwise only {@code @CString} fields are text.
     */
    void print(BpfMap<byte[], byte[]> map, Btf btf, boolean guessText) {
        MapSpec m = map.spec();
        if (!isReadable(m)) {
            out.println("\nmap " + m.name() + " (" + MapTypes.name(m.type()) + "): not a key/value map");
            return;
        }
        List<MapText.Entry> rows = new ArrayList<>(MapText.entries(map, btf, guessText));
        if (isHistogram(m)) {
            long[] slots = new long[m.maxEntries()];
            for (MapText.Entry r : rows)
                if (r.keyNumber() >= 0 && r.keyNumber() < slots.length) slots[(int) r.keyNumber()] = r.valueNumber();
            List<Long> list = new ArrayList<>();
            for (long s : slots) list.add(s);
            String chart = Histogram.render(list);
            out.printf("%nmap %s (%s, log2 histogram)%n%s", m.name(), MapTypes.name(m.type()), chart.isEmpty() ? "(all slots empty)\n" : chart);
            return;
        }
        rows.sort((a, b) -> Long.compare(b.valueNumber(), a.valueNumber()));
        out.printf("%nmap %s (%s, %d entries)%n%s", m.name(), MapTypes.name(m.type()), rows.size(), table(rows, top));
    }

    /**
     * The first {@code top} rows under a KEY/VALUE header. The key column is as wide as the widest key shown, so wide
     * struct keys keep the VALUE column straight.
     */
    static String table(List<MapText.Entry> rows, int top) {
        List<MapText.Entry> shown = rows.subList(0, Math.min(top, rows.size()));
        int width = Math.max(KEY_WIDTH, shown.stream().mapToInt(r -> r.key().length()).max().orElse(0));
        StringBuilder sb = new StringBuilder(String.format("%" + width + "s  %s%n", "KEY", "VALUE"));
        for (MapText.Entry r : shown) sb.append(String.format("%" + width + "s  %s%n", r.key(), r.value()));
        if (rows.size() > top) sb.append("(").append(rows.size() - top).append(" more; --top N shows more)\n");
        return sb.toString();
    }
}
