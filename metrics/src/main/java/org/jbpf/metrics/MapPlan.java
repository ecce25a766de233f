package org.jbpf.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jbpf.core.btf.Btf;
import org.jbpf.core.obj.MapSpec;
import org.jbpf.core.obj.MapTypes;
import org.jbpf.metrics.MetricsOptions.MetricType;

/**
 * How one map becomes metrics, decided once from its spec, its BTF and the options: the key fields (and, for maps
 * marked for text, the text fields of the value) that become labels, and one metric per numeric value field with its
 * type. A histogram map is one Prometheus histogram. {@link #of} answers null for a map that is not exported.
 */
record MapPlan(String probe, MapSpec spec, MetricType histogramOrNull, List<Field> keyLabels, List<Field> valueLabels,
        List<Series> series) {

    /** One metric: the value field it reads, its name, type and help. */
    record Series(Field field, String name, MetricType type, String help) {
        /** Per-CPU copies of a field are added up, except fields marked {@code @Max}, which keep the largest. */
        double combine(double a, double b) {
            return field.max() ? Math.max(a, b) : a + b;
        }
    }

    boolean isHistogram() { return histogramOrNull != null; }

    static MapPlan of(String probe, MapSpec spec, Btf btf, MetricsOptions options) {
        String map = spec.name();
        if (map.startsWith(".")) return null;  // .rodata/.bss data sections are not maps of the probe's
        if (map.equals(org.jbpf.core.obj.RingBufferDrops.MAP_NAME)) return null;  // the translator's drop counters, read by the ring readers
        if (Marks.is(btf, spec.btfValueType(), Marks.SCRATCH)) return null;  // the probe's working state, not a measurement
        if (!isKeyValue(spec.type())) {
            if (options.typeOf(map) != null || options.mayExportText(map))
                throw new IllegalArgumentException("map " + map + " is a " + MapTypes.name(spec.type())
                        + " map, which holds no key/value entries to export");
            return null;
        }
        List<Field> key = Field.of(btf, spec.btfKeyType(), spec.keySize());
        List<Field> value = Field.of(btf, spec.btfValueType(), spec.valueSize());
        boolean text = options.mayExportText(map);
        List<String> keyText = key.stream().filter(f -> f.kind() == Field.Kind.TEXT).map(f -> label(f, "key")).toList();
        if (!keyText.isEmpty() && !text) {
            options.note("map " + map + " not exported: its key holds text (" + String.join(", ", keyText) + "), which can "
                    + "identify users; mark it for export to include it (jbpf run --export-text " + map
                    + ", or MetricsOptions.exportText(\"" + map + "\"))");
            return null;
        }
        List<Field> valueLabels = new ArrayList<>();
        List<Field> numbers = new ArrayList<>();
        List<String> keyNames = key.stream().map(f -> label(f, isArray(spec.type()) ? "index" : "key")).toList();
        for (Field f : value) {
            if (f.isNumber()) numbers.add(f);
            else if (f.kind() == Field.Kind.TEXT && text && keyNames.contains(MetricNames.label(f.name())))
                options.note("map " + map + ": value field " + f.name() + " left out: the key has a label of that name");
            else if (f.kind() == Field.Kind.TEXT && text) valueLabels.add(f);
            else if (f.kind() == Field.Kind.TEXT)
                options.note("map " + map + ": value field " + f.name() + " (text) left out; mark the map for export to "
                        + "show it as a label (jbpf run --export-text " + map + ")");
        }
        if (numbers.isEmpty()) {
            options.note("map " + map + " not exported: its value has no numeric field");
            return null;
        }
        MetricType asked = options.typeOf(map);
        // log2 histograms by their @Histogram mark; only maps without BTF (which cannot carry it) by their name
        boolean log2 = Marks.is(btf, spec.btfValueType(), Marks.LOG2)
                || (btf == null || spec.btfValueType() == 0) && looksLikeHistogram(spec, numbers);
        if (asked == MetricType.HISTOGRAM || asked == null && log2) {
            if (!fitsHistogram(spec, numbers))
                throw new IllegalArgumentException("map " + map + " cannot be a histogram: a histogram is an array map of "
                        + "log2 slots (int index, one integer count per slot); this is a " + MapTypes.name(spec.type())
                        + " map with " + spec.keySize() + "-byte keys and " + numbers.size() + " numeric value field(s)");
            String name = MetricNames.metric(probe, map, "");
            String help = "log2 histogram " + map + " of jbpf probe " + probe + " (slot k counts values in [2^k, 2^(k+1)), "
                    + spec.maxEntries() + " slots)";
            return new MapPlan(probe, spec, MetricType.HISTOGRAM, List.of(), List.of(),
                    List.of(new Series(numbers.get(0), name, MetricType.HISTOGRAM, help)));
        }
        List<Field> labels = new ArrayList<>(key);
        String per = labelList(key, spec, valueLabels);
        List<Series> series = new ArrayList<>();
        for (Field f : numbers) {
            MetricType type = asked != null ? asked : (looksLikeCount(f.name().isEmpty() ? map : f.name()) ? MetricType.COUNTER : MetricType.GAUGE);
            String name = MetricNames.metric(probe, map, f.name());
            if (type == MetricType.COUNTER && name.endsWith("_total")) name = name.substring(0, name.length() - 6);
            String what = f.name().isEmpty() ? "value" : "field " + f.name();
            String help = MapTypes.name(spec.type()) + " map " + map + " of jbpf probe " + probe + ": " + what + " per " + per
                    + " (at most " + spec.maxEntries() + " entries)";
            series.add(new Series(f, name, type, help));
        }
        return new MapPlan(probe, spec, null, labels, valueLabels, series);
    }

    /** The label name of a key (or text value) field; a key that is not a struct is "key", or "index" in an array. */
    static String label(Field f, String whole) { return f.name().isEmpty() ? whole : MetricNames.label(f.name()); }

    String keyLabelName(Field f) { return label(f, isArray(spec.type()) ? "index" : "key"); }

    private static String labelList(List<Field> key, MapSpec spec, List<Field> valueLabels) {
        List<String> names = new ArrayList<>();
        for (Field f : key) names.add(label(f, isArray(spec.type()) ? "index" : "key"));
        for (Field f : valueLabels) names.add(MetricNames.label(f.name()));
        return String.join(", ", names);
    }

    /** An array of int slots named like a histogram holding one integer each: how an unmarked map is guessed to be one. */
    private static boolean looksLikeHistogram(MapSpec spec, List<Field> numbers) {
        return fitsHistogram(spec, numbers) && spec.name().toLowerCase(Locale.ROOT).contains("hist");
    }

    private static boolean fitsHistogram(MapSpec spec, List<Field> numbers) {
        return isArray(spec.type()) && spec.keySize() == 4 && numbers.size() == 1 && numbers.get(0).size() == spec.valueSize();
    }

    private static boolean looksLikeCount(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.contains("count") || n.contains("total");
    }

    static boolean isArray(int type) { return type == MapTypes.ARRAY || type == MapTypes.PERCPU_ARRAY; }

    private static boolean isKeyValue(int type) {
        return type == MapTypes.HASH || type == MapTypes.ARRAY || type == MapTypes.PERCPU_HASH || type == MapTypes.PERCPU_ARRAY
                || type == MapTypes.LRU_HASH || type == MapTypes.LRU_PERCPU_HASH;
    }
}
