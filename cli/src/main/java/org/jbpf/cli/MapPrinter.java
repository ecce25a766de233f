package org.jbpf.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jbpf.core.btf.Btf;
import org.jbpf.core.obj.MapSpec;
import org.jbpf.core.obj.MapTypes;
import org.jbpf.runtime.BpfMap;
import org.jbpf.toolchain.Histogram;
import org.jbpf.toolchain.HistogramFields;
import org.jbpf.toolchain.KernelSymbols;
import org.jbpf.toolchain.StackKeys;
import org.jbpf.toolchain.StackTraces;
import org.jbpf.toolchain.MapData;
import org.jbpf.toolchain.MapMarks;
import org.jbpf.toolchain.MapText;

/**
 * Prints a map's contents as a table (largest values first), or as a bar chart when the probe marked the map
 * {@code @Histogram}. Struct keys and values are shown field by field when the map has BTF for them; other keys
 * and values as little-endian integers. Stack trace maps print each stack with its kernel frames named from
 * /proc/kallsyms. With deltas on, integer values and histogram slots show the change since
 * the previous print of the same map, and unchanged rows are left out.
 */
final class MapPrinter {
    /** The narrowest key column, wide enough for any 64-bit integer key. */
    static final int KEY_WIDTH = 20;

    private final PrintStream out;
    private final int top;
    private final boolean deltas;
    /** Where JSON lines go, or null for text. */
    private final JsonLines json;
    /** Read from /proc/kallsyms at the first stack map. */
    private KernelSymbols kernel;
    /** Per map, the integer value of each key (text) at the previous print. */
    private final Map<String, Map<String, Long>> previous = new HashMap<>();
    /** Whether per-CPU maps show each CPU's value apart (--per-cpu) besides the combined one. */
    private boolean cpusApart;
    /** The probe's stack trace map, which maps keyed by a {@code @StackId} field are printed with; or null. */
    private BpfMap<byte[], byte[]> stackMap;
    /** Whether only stacks are printed, as folded lines for flame graphs (--format folded). */
    private boolean folded;

    MapPrinter(PrintStream out, int top) {
        this(out, top, false, null);
    }

    /** With {@code json} set, maps are written as JSON lines there, with the values as read (no deltas). */
    MapPrinter(PrintStream out, int top, boolean deltas, JsonLines json) {
        this.out = out;
        this.top = top;
        this.deltas = deltas && json == null;
        this.json = json;
    }

    /**
     * The map's mark; for maps of unknown Java types ({@code guessText}: .o files from elsewhere, pinned maps)
     * without one, an array of counters whose name holds "hist" is taken for a log2 histogram.
     */
    static MapMarks.Mark mark(MapSpec m, Btf btf, boolean guess) {
        MapMarks.Mark mark = MapMarks.of(m, btf);
        if (mark.kind() != MapMarks.Kind.PLAIN || !guess) return mark;
        boolean array = m.type() == MapTypes.ARRAY || m.type() == MapTypes.PERCPU_ARRAY;
        boolean counters = array && m.keySize() == 4 && (m.valueSize() == 8 || m.valueSize() == 4);
        return counters && m.name().toLowerCase().contains("hist") ? new MapMarks.Mark(MapMarks.Kind.LOG2_HISTOGRAM, 0) : mark;
    }

    /** Per-CPU maps print each CPU's value apart, besides the combined value. */
    MapPrinter cpusApart(boolean on) {
        this.cpusApart = on;
        return this;
    }

    /** The stack trace map whose stacks {@code @StackId} keys name. */
    MapPrinter stacks(BpfMap<byte[], byte[]> stackMap) {
        this.stackMap = stackMap;
        return this;
    }

    /** Prints only maps keyed by stack id, as folded stacks ({@code outer;...;inner count}); the rest is left out. */
    MapPrinter folded(boolean on) {
        this.folded = on;
        return this;
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
        StackKeys linked = stackMap != null && isReadable(m) ? StackKeys.of(map, btf) : null;
        if (folded) {
            if (linked != null) printFolded(linked.rows(map, btf, stackMap, kernel()));
            return;
        }
        if (linked != null && json == null) {
            printLinked(m, linked.rows(map, btf, stackMap, kernel()));
            return;
        }
        if (m.type() == MapTypes.STACK_TRACE) {
            printStacks(map);
            return;
        }
        if (json != null) {
            if (isReadable(m)) printJson(map, btf, guessText);
            return;
        }
        if (!isReadable(m)) {
            out.println("\nmap " + m.name() + " (" + MapTypes.name(m.type()) + "): not a key/value map");
            return;
        }
        MapMarks.Mark mark = mark(m, btf, guessText);
        List<MapText.Entry> rows = new ArrayList<>(MapText.entries(map, btf, guessText));
        if (mark.histogram()) {
            List<Long> slots = slots(m, rows);
            String chart = mark.kind() == MapMarks.Kind.LINEAR_HISTOGRAM ? Histogram.renderLinear(slots, mark.step()) : Histogram.render(slots);
            String kind = mark.kind() == MapMarks.Kind.LINEAR_HISTOGRAM ? "linear histogram, step " + mark.step() : "log2 histogram";
            out.print("\nmap " + m.name() + " (" + MapTypes.name(m.type()) + ", " + kind + (deltas ? ", change" : "") + ")\n"
                    + (chart.isEmpty() ? "(all slots empty)\n" : chart));
            return;
        }
        if (HistogramFields.any(MapText.struct(btf, m.btfValueType()), btf)) {   // a chart under each key
            out.print("\nmap " + m.name() + " (" + MapTypes.name(m.type()) + ", " + rows.size() + " entries, histograms per key)\n"
                    + HistogramFields.render(map, btf, guessText));
            return;
        }
        if (cpusApart && map.isPerCpu()) {
            printPerCpu(map, btf, guessText);
            return;
        }
        if (deltas) rows = changes(m.name(), rows);
        else if (isArray(m)) {   // every slot of an array exists; the ones never written would bury the rest
            int slots = rows.size();
            rows = notZero(rows, zeroText(m, btf, guessText));
            out.print("\nmap " + m.name() + " (" + MapTypes.name(m.type()) + ", " + slots + " slots, "
                    + (rows.isEmpty() ? "all zero)\n" : rows.size() + " not zero)\n"));
            rows.sort(LARGEST_VALUE_FIRST);
            if (!rows.isEmpty()) out.print(table(rows, top));
            return;
        }
        rows.sort(LARGEST_VALUE_FIRST);
        out.print("\nmap " + m.name() + " (" + MapTypes.name(m.type()) + ", " + rows.size() + " "
                + (deltas ? "changed entries" : "entries") + ")\n" + table(rows, top));
    }

    /**
     * A per-CPU map with one row per CPU whose value is not all zero under each key, then the key's combined value
     * (CPU column {@code all}); keys with the largest combined values first.
     */
    private void printPerCpu(BpfMap<byte[], byte[]> map, Btf btf, boolean guessText) {
        List<MapText.CpuEntry> rows = new ArrayList<>(MapText.perCpuEntries(map, btf, guessText));
        String zero = zeroText(map.spec(), btf, guessText);
        int slots = rows.size();
        if (isArray(map.spec())) {
            List<MapText.CpuEntry> kept = new ArrayList<>(rows.size());
            for (MapText.CpuEntry r : rows) if (!r.combined().value().equals(zero)) kept.add(r);
            rows = kept;
        }
        rows.sort((a, b) -> Long.compare(b.combined().valueNumber(), a.combined().valueNumber()));
        List<MapText.CpuEntry> shown = rows.subList(0, Math.min(top, rows.size()));
        int width = KEY_WIDTH;
        for (MapText.CpuEntry r : shown) width = Math.max(width, r.combined().key().length());
        StringBuilder sb = row(new StringBuilder(), width, "KEY", pad("CPU", 4), "VALUE");
        for (MapText.CpuEntry r : shown) {
            for (int cpu = 0; cpu < r.perCpu().size(); cpu++)
                if (!r.perCpu().get(cpu).equals(zero)) row(sb, width, r.combined().key(), pad(Integer.toString(cpu), 4), r.perCpu().get(cpu));
            row(sb, width, r.combined().key(), pad("all", 4), r.combined().value());
        }
        if (rows.size() > top) sb.append("(").append(rows.size() - top).append(" more; --top N shows more)\n");
        String head = "\nmap " + map.spec().name() + " (" + MapTypes.name(map.spec().type()) + ", ";
        if (!isArray(map.spec())) out.print(head + rows.size() + " entries, per CPU)\n" + sb);
        else if (rows.isEmpty()) out.print(head + slots + " slots, all zero, per CPU)\n");
        else out.print(head + slots + " slots, " + rows.size() + " not zero, per CPU)\n" + sb);
    }

    private static boolean isArray(MapSpec m) {
        return m.type() == MapTypes.ARRAY || m.type() == MapTypes.PERCPU_ARRAY;
    }

    /** How a value of all zero bytes prints in this map. */
    private static String zeroText(MapSpec m, Btf btf, boolean guessText) {
        return MapText.show(new byte[m.valueSize()], MapText.struct(btf, m.btfValueType()), btf, guessText);
    }

    /** The rows whose value is not all zero. */
    private static List<MapText.Entry> notZero(List<MapText.Entry> rows, String zero) {
        List<MapText.Entry> kept = new ArrayList<>(rows.size());
        for (MapText.Entry r : rows) if (!r.value().equals(zero)) kept.add(r);
        return kept;
    }

    private KernelSymbols kernel() {
        if (kernel == null) kernel = KernelSymbols.load();
        return kernel;
    }

    /** Each entry of a map keyed by stack id: the key, the value, then the frames, innermost first, like bpftrace's {@code @[ustack]}. */
    private void printLinked(MapSpec m, List<StackKeys.Row> rows) {
        out.print("\nmap " + m.name() + " (" + MapTypes.name(m.type()) + ", " + rows.size() + " stacks)\n");
        for (StackKeys.Row r : rows.subList(0, Math.min(top, rows.size()))) {
            out.println(r.key() + ": " + r.value());
            for (String f : r.frames()) out.println("        " + f);
        }
        if (rows.size() > top) out.println("(" + (rows.size() - top) + " more; --top N shows more)");
    }

    private void printFolded(List<StackKeys.Row> rows) {
        for (StackKeys.Row r : rows) out.println(StackTraces.folded(r.frames(), r.value()));
    }

    /** Each stack with its frames named, innermost first, in the manner of bpftrace's {@code kstack}. */
    private void printStacks(BpfMap<byte[], byte[]> map) {
        kernel();
        Map<Integer, long[]> stacks = StackTraces.read(map);
        Map<Integer, List<String>> named = new java.util.TreeMap<>();
        stacks.forEach((id, frames) -> named.put(id, StackTraces.symbolize(frames, kernel)));
        if (json != null) {
            json.stacks(java.time.Instant.now(), map.spec(), named);
            return;
        }
        out.print("\nmap " + map.spec().name() + " (stack_trace, " + named.size() + " stacks)\n");
        int shown = 0;
        for (Map.Entry<Integer, List<String>> e : named.entrySet()) {
            if (shown++ == top) {
                out.println("(" + (named.size() - top) + " more; --top N shows more)");
                break;
            }
            out.println("stack " + e.getKey() + ":");
            for (String f : e.getValue()) out.println("        " + f);
        }
    }

    private void printJson(BpfMap<byte[], byte[]> map, Btf btf, boolean guessText) {
        MapSpec m = map.spec();
        MapMarks.Mark mark = mark(m, btf, guessText);
        java.time.Instant now = java.time.Instant.now();
        if (mark.histogram()) json.histogram(now, m, mark, slots(m, MapText.entries(map, btf, guessText)));
        else json.map(now, m, MapData.rows(map, btf, guessText, cpusApart));
    }

    /** The histogram's slot counts (changes since the last print with deltas on), slot = key. */
    private List<Long> slots(MapSpec m, List<MapText.Entry> rows) {
        int n = m.type() == MapTypes.ARRAY || m.type() == MapTypes.PERCPU_ARRAY ? m.maxEntries() : 0;
        for (MapText.Entry r : rows) if (r.keyNumber() >= 0 && r.keyNumber() < 4096) n = Math.max(n, (int) r.keyNumber() + 1);
        long[] slots = new long[n];
        for (MapText.Entry r : rows)
            if (r.keyNumber() >= 0 && r.keyNumber() < n) slots[(int) r.keyNumber()] = r.valueNumber();
        if (deltas) {
            Map<String, Long> before = previous.computeIfAbsent(m.name(), k -> new HashMap<>());
            for (int i = 0; i < n; i++) {
                long now = slots[i];
                slots[i] = now - before.getOrDefault(Integer.toString(i), 0L);
                before.put(Integer.toString(i), now);
            }
        }
        List<Long> list = new ArrayList<>();
        for (long s : slots) list.add(s);
        return list;
    }

    /** Rows whose integer value changed since the last print, showing the change; struct values as they are. */
    private List<MapText.Entry> changes(String map, List<MapText.Entry> rows) {
        Map<String, Long> before = previous.computeIfAbsent(map, k -> new HashMap<>());
        List<MapText.Entry> out = new ArrayList<>();
        for (MapText.Entry r : rows) {
            if (!isInteger(r.value())) {
                out.add(r);
                continue;
            }
            long now = Long.parseLong(r.value());
            long change = now - before.getOrDefault(r.key(), 0L);
            before.put(r.key(), now);
            if (change != 0) out.add(new MapText.Entry(r.key(), Long.toString(change), r.keyNumber(), change));
        }
        return out;
    }

    private static boolean isInteger(String s) {
        try {
            Long.parseLong(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * The first {@code top} rows under a KEY/VALUE header. The key column is as wide as the widest key shown, so wide
     * struct keys keep the VALUE column straight.
     */
    static String table(List<MapText.Entry> rows, int top) {
        List<MapText.Entry> shown = rows.subList(0, Math.min(top, rows.size()));
        int width = KEY_WIDTH;
        for (MapText.Entry r : shown) width = Math.max(width, r.key().length());
        StringBuilder sb = row(new StringBuilder(), width, "KEY", "VALUE");
        for (MapText.Entry r : shown) row(sb, width, r.key(), r.value());
        if (rows.size() > top) sb.append("(").append(rows.size() - top).append(" more; --top N shows more)\n");
        return sb.toString();
    }

    // The tables are put together by hand, not by String.format: a command's first format costs a cold JVM about 5 ms
    // (its pattern), and its first %d another 8 ms (the locale's digits).

    /** {@code sb} with one table line appended: the key right-aligned in {@code width}, then each column after two spaces. */
    private static StringBuilder row(StringBuilder sb, int width, String key, String... columns) {
        sb.append(pad(key, width));
        for (String c : columns) sb.append("  ").append(c);
        return sb.append('\n');
    }

    /** {@code s} right-aligned in {@code width} characters, as {@code %<width>s} does it (a longer one stays whole). */
    static String pad(String s, int width) {
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }

    private static final java.util.Comparator<MapText.Entry> LARGEST_VALUE_FIRST = new java.util.Comparator<>() {
        @Override public int compare(MapText.Entry a, MapText.Entry b) { return Long.compare(b.valueNumber(), a.valueNumber()); }
    };
}
