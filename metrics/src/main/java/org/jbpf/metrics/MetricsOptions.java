package org.jbpf.metrics;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What the exporter may export and how: which maps may show text (command names, file names), the metric type of a
 * map when its name does not say, and where notes about maps left out go. Immutable; each method returns a copy.
 *
 * <pre>{@code
 * MetricsOptions.defaults().exportText("execsByCommand").type("queueDepth", MetricType.GAUGE)
 * }</pre>
 */
public final class MetricsOptions {
    /** How a map (or each numeric field of its struct value) is exported. */
    public enum MetricType { COUNTER, GAUGE, HISTOGRAM }

    private final Set<String> exportText;
    private final Map<String, MetricType> types;
    private final Consumer<String> notes;

    private MetricsOptions(Set<String> exportText, Map<String, MetricType> types, Consumer<String> notes) {
        this.exportText = Set.copyOf(exportText);
        this.types = Map.copyOf(types);
        this.notes = notes;
    }

    /** No text exported, types from names, notes dropped. */
    public static MetricsOptions defaults() { return new MetricsOptions(Set.of(), Map.of(), note -> {}); }

    /**
     * Marks maps whose keys or values hold text (C strings such as a command name or a file name) for export. Such text
     * can identify users, so without this mark a map with a text key is not exported at all and text value fields
     * are left out.
     */
    public MetricsOptions exportText(String... maps) { return exportText(java.util.List.of(maps)); }

    public MetricsOptions exportText(Collection<String> maps) {
        Set<String> s = new HashSet<>(exportText);
        s.addAll(maps);
        return new MetricsOptions(s, types, notes);
    }

    /** Exports {@code map} as {@code type} instead of the type its name suggests. */
    public MetricsOptions type(String map, MetricType type) {
        Map<String, MetricType> t = new HashMap<>(types);
        t.put(Objects.requireNonNull(map), Objects.requireNonNull(type));
        return new MetricsOptions(exportText, t, notes);
    }

    /** Where one-line notes go, e.g. that a map was left out and how to include it; {@code System.err::println}. */
    public MetricsOptions notes(Consumer<String> sink) { return new MetricsOptions(exportText, types, Objects.requireNonNull(sink)); }

    boolean mayExportText(String map) { return exportText.contains(map); }

    MetricType typeOf(String map) { return types.get(map); }

    Set<String> textMaps() { return exportText; }

    Set<String> typedMaps() { return types.keySet(); }

    void note(String text) { notes.accept(text); }
}
