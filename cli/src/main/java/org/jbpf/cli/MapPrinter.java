package org.jbpf.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.jbpf.core.btf.Btf;
import org.jbpf.core.obj.MapSpec;
import org.jbpf.core.obj.MapTypes;
import org.jbpf.runtime.BpfMap;

/**
 * Prints a map's contents as a table (largest values first), or as a log2 bar chart when the map is a histogram:
 * an array of counters whose name says so ("hist"). Struct keys and values are shown field by field when the map
 * has BTF for them; other keys and values as little-endian integers.
 */
final class MapPrinter {
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

    void print(BpfMap<byte[], byte[]> map, Btf btf) {
        MapSpec m = map.spec();
        if (!isReadable(m)) {
            out.println("\nmap " + m.name() + " (" + MapTypes.name(m.type()) + "): not a key/value map");
            return;
        }
        List<MapText.Entry> rows = new ArrayList<>(MapText.entries(map, btf));
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
        out.printf("%nmap %s (%s, %d entries)%n%20s  %s%n", m.name(), MapTypes.name(m.type()), rows.size(), "KEY", "VALUE");
        for (int i = 0; i < Math.min(top, rows.size()); i++) {
            MapText.Entry r = rows.get(i);
            out.printf("%20s  %s%n", r.key(), r.value());
        }
        if (rows.size() > top) out.println("(" + (rows.size() - top) + " more; --top N shows more)");
    }

}
