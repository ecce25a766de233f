package org.jbpf.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.MapSpec;
import org.jbpf.metrics.MetricsOptions.MetricType;
import org.jbpf.metrics.probe.ExecCounter;
import org.junit.jupiter.api.Test;

/**
 * The exposition text of each kind of map, from entries given as bytes (the map layouts and BTF come from the real
 * translation of a probe); the kernel side is in {@link PrometheusKernelTest}.
 */
class ExpositionTest {
    /** Translated as at run time, with the probe's @Histogram and @Max marks in its BTF. */
    static final BpfObject OBJECT = new org.jbpf.toolchain.RuntimeTranslator().translate(ExecCounter.class);

    static MapPlan plan(String map, MetricsOptions options) {
        return MapPlan.of(OBJECT.name(), OBJECT.map(map).orElseThrow(), OBJECT.btf(), options);
    }

    static String text(MapCollector collector) throws IOException {
        PrometheusRegistry registry = new PrometheusRegistry();
        registry.register(collector);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(out, registry.scrape());
        return out.toString(StandardCharsets.UTF_8);
    }

    static byte[] execKey(int uid, String comm) {
        ByteBuffer b = ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN).putInt(uid);
        byte[] c = comm.getBytes(StandardCharsets.UTF_8);
        b.put(c, 0, Math.min(c.length, 16));
        return b.array();
    }

    static byte[] le(long v, int size) {
        ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v);
        return java.util.Arrays.copyOf(b.array(), size);
    }

    @Test void structKeyFieldsBecomeLabelsAndCStringsText() throws IOException {
        MapPlan plan = plan("execCounts", MetricsOptions.defaults().exportText("execCounts"));
        MapSource source = () -> List.of(new MapSource.Entry(execKey(0, "jbpfexecloop"), List.of(le(7, 8))),
                new MapSource.Entry(execKey(1000, "sh"), List.of(le(3, 8))));
        String text = text(new MapCollector(plan, source));
        assertTrue(text.contains("# HELP jbpf_exec_counter_exec_counts_total lru_hash map execCounts of jbpf probe ExecCounter: "
                + "value per uid, comm (at most 1024 entries)\n"), text);
        assertTrue(text.contains("# TYPE jbpf_exec_counter_exec_counts_total counter\n"), text);
        assertTrue(text.contains("jbpf_exec_counter_exec_counts_total{comm=\"jbpfexecloop\",uid=\"0\"} 7.0\n"), text);
        assertTrue(text.contains("jbpf_exec_counter_exec_counts_total{comm=\"sh\",uid=\"1000\"} 3.0\n"), text);
    }

    @Test void textKeyWithoutTheMarkIsNotExportedAndTheNoteSaysHow() {
        List<String> notes = new ArrayList<>();
        assertNull(plan("execCounts", MetricsOptions.defaults().notes(notes::add)));
        assertEquals(List.of("map execCounts not exported: its key holds text (comm), which can identify users; mark it "
                + "for export to include it (jbpf run --export-text execCounts, or MetricsOptions.exportText(\"execCounts\"))"), notes);
    }

    @Test void histogramAndScratchMarksDecideNotTheMapName() {
        BpfObject o = new org.jbpf.toolchain.RuntimeTranslator().translate(org.jbpf.metrics.probe.MarkedMaps.class);
        MetricsOptions options = MetricsOptions.defaults();
        assertTrue(MapPlan.of(o.name(), o.map("sizes").orElseThrow(), o.btf(), options).isHistogram(), "@Histogram(LOG2)");
        assertFalse(MapPlan.of(o.name(), o.map("histoneCounts").orElseThrow(), o.btf(), options).isHistogram(),
                "an unmarked map is not a histogram for its name");
        assertNull(MapPlan.of(o.name(), o.map("startTimes").orElseThrow(), o.btf(), options), "@Scratch is not exported");
    }

    @Test void log2HistogramBecomesLeBuckets() throws IOException {
        MapPlan plan = plan("latencyHist", MetricsOptions.defaults());
        List<MapSource.Entry> entries = new ArrayList<>();
        for (int slot = 0; slot < 16; slot++)
            entries.add(new MapSource.Entry(le(slot, 4), List.of(le(slot == 0 ? 1 : slot == 3 ? 10 : slot == 15 ? 2 : 0, 8))));
        String text = text(new MapCollector(plan, () -> entries));
        assertTrue(text.contains("# TYPE jbpf_exec_counter_latency_hist histogram\n"), text);
        assertTrue(text.contains("jbpf_exec_counter_latency_hist_bucket{le=\"1.0\"} 1\n"), text);
        assertTrue(text.contains("jbpf_exec_counter_latency_hist_bucket{le=\"7.0\"} 1\n"), text);
        assertTrue(text.contains("jbpf_exec_counter_latency_hist_bucket{le=\"15.0\"} 11\n"), text);
        assertTrue(text.contains("jbpf_exec_counter_latency_hist_bucket{le=\"16383.0\"} 11\n"), text);
        assertTrue(text.contains("jbpf_exec_counter_latency_hist_bucket{le=\"+Inf\"} 13\n"), text);
        assertTrue(text.contains("jbpf_exec_counter_latency_hist_count 13\n"), text);
        assertEquals(16, text.lines().filter(l -> l.startsWith("jbpf_exec_counter_latency_hist_bucket")).count(), text);
    }

    @Test void perCpuValuesAreAddedAndMaximaKeepTheLargest() throws IOException {
        MapPlan plan = plan("callStats", MetricsOptions.defaults());
        byte[] cpu0 = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(5).putLong(100).array();
        byte[] cpu1 = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(7).putLong(40).array();
        String text = text(new MapCollector(plan, () -> List.of(new MapSource.Entry(le(42, 4), List.of(cpu0, cpu1)))));
        assertTrue(text.contains("# TYPE jbpf_exec_counter_call_stats_call_count_total counter\n"), text);
        assertTrue(text.contains("jbpf_exec_counter_call_stats_call_count_total{key=\"42\"} 12.0\n"), text);
        assertTrue(text.contains("# TYPE jbpf_exec_counter_call_stats_max_bytes gauge\n"), text);
        assertTrue(text.contains("jbpf_exec_counter_call_stats_max_bytes{key=\"42\"} 100.0\n"), text);
    }

    @Test void typeChosenByTheUserWins() throws IOException {
        MapPlan plan = plan("callStats", MetricsOptions.defaults().type("callStats", MetricType.GAUGE));
        String text = text(new MapCollector(plan, () -> List.of(new MapSource.Entry(le(1, 4), List.of(new byte[16])))));
        assertTrue(text.contains("# TYPE jbpf_exec_counter_call_stats_call_count gauge\n"), text);
    }

    @Test void eventBuffersAreNotExportedAndCannotBeAskedFor() {
        assertNull(plan("events", MetricsOptions.defaults()));
        var e = assertThrows(IllegalArgumentException.class, () -> plan("events", MetricsOptions.defaults().type("events", MetricType.GAUGE)));
        assertEquals("map events is a ringbuf map, which holds no key/value entries to export", e.getMessage());
        var h = assertThrows(IllegalArgumentException.class,
                () -> plan("callStats", MetricsOptions.defaults().type("callStats", MetricType.HISTOGRAM)));
        assertTrue(h.getMessage().startsWith("map callStats cannot be a histogram: a histogram is an array map of log2 slots"), h.getMessage());
    }

    @Test void unsignedAndSignedFieldsKeepTheirValues() {
        Field u64 = new Field("", 0, 8, Field.Kind.UNSIGNED);
        assertEquals(1.8446744073709552E19, u64.number(le(-1, 8)));
        assertEquals("18446744073709551615", u64.text(le(-1, 8)));
        Field s32 = new Field("", 0, 4, Field.Kind.SIGNED);
        assertEquals(-2.0, s32.number(le(-2, 4)));
        assertEquals("-2", s32.text(le(-2, 4)));
        assertEquals("0x0a0b", new Field("", 0, 2, Field.Kind.BYTES).text(new byte[] {10, 11}));
    }

    @Test void namesAreSnakeCase() {
        assertEquals("jbpf_process_counter_process_count", MetricNames.metric("ProcessCounter", "processCount", ""));
        assertEquals("jbpf_read_latency_process_stats_total_time", MetricNames.metric("ReadLatency", "processStats", "totalTime"));
        assertEquals("jbpf_http_probe_url_hits", MetricNames.metric("HTTPProbe", "urlHits", ""));
    }

    @Test void addressesDefaultToLoopback() {
        assertEquals(new MetricsServer.Address("127.0.0.1", 9435), MetricsServer.Address.parse("9435"));
        assertEquals(new MetricsServer.Address("127.0.0.1", 9435), MetricsServer.Address.parse(":9435"));
        assertEquals(new MetricsServer.Address("0.0.0.0", 9435), MetricsServer.Address.parse("0.0.0.0:9435"));
        assertEquals(new MetricsServer.Address("::1", 0), MetricsServer.Address.parse("[::1]:0"));
        var e = assertThrows(IllegalArgumentException.class, () -> MetricsServer.Address.parse("localhost:http"));
        assertEquals("bad metrics address 'localhost:http'; write host:port, e.g. 127.0.0.1:9435, [::1]:9435, or a port alone for loopback",
                e.getMessage());
    }
}
