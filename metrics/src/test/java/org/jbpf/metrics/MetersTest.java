package org.jbpf.metrics;

import static org.jbpf.metrics.ExpositionTest.execKey;
import static org.jbpf.metrics.ExpositionTest.le;
import static org.jbpf.metrics.ExpositionTest.plan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jbpf.BPF;
import org.jbpf.metrics.probe.ExecCounter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Maps as Micrometer meters: the same names, types and labels as the Prometheus exporter, keys coming and going. */
class MetersTest {
    @Test void keysBecomeTaggedMetersAndLeaveWithTheirKeys() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        List<MapSource.Entry> entries = new ArrayList<>(List.of(new MapSource.Entry(execKey(0, "sh"), List.of(le(3, 8)))));
        MapPlan plan = plan("execCounts", MetricsOptions.defaults().exportText("execCounts"));
        try (JbpfMeters meters = JbpfMeters.bind(registry, plan, () -> List.copyOf(entries))) {
            FunctionCounter sh = registry.find("jbpf_exec_counter_exec_counts").tags("comm", "sh", "uid", "0").functionCounter();
            assertEquals(3.0, sh.count());
            assertEquals("lru_hash map execCounts of jbpf probe ExecCounter: value per uid, comm (at most 1024 entries)",
                    sh.getId().getDescription());

            entries.set(0, new MapSource.Entry(execKey(0, "sh"), List.of(le(5, 8))));
            entries.add(new MapSource.Entry(execKey(1000, "make"), List.of(le(9, 8))));
            meters.refresh();
            assertEquals(5.0, sh.count());
            assertEquals(9.0, registry.find("jbpf_exec_counter_exec_counts").tags("comm", "make").functionCounter().count());

            entries.remove(0);
            meters.refresh();
            assertNull(registry.find("jbpf_exec_counter_exec_counts").tags("comm", "sh").functionCounter());
            assertEquals(1, registry.find("jbpf_exec_counter_exec_counts").functionCounters().size());
        }
        assertEquals(List.of(), registry.getMeters(), "close removes every meter");
    }

    @Test void structFieldsAreCountersOrGaugesAndPerCpuValuesCombine() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        byte[] cpu0 = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(5).putLong(100).array();
        byte[] cpu1 = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(7).putLong(40).array();
        try (JbpfMeters meters = JbpfMeters.bind(registry, plan("callStats", MetricsOptions.defaults()),
                () -> List.of(new MapSource.Entry(le(42, 4), List.of(cpu0, cpu1))))) {
            assertEquals(12.0, registry.find("jbpf_exec_counter_call_stats_call_count").tags("key", "42").functionCounter().count());
            Gauge max = registry.find("jbpf_exec_counter_call_stats_max_bytes").tags("key", "42").gauge();
            assertEquals(100.0, max.value());
        }
    }

    @Test void histogramSlotsAreCumulativeLeBuckets() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        List<MapSource.Entry> entries = new ArrayList<>();
        for (int slot = 0; slot < 16; slot++) entries.add(new MapSource.Entry(le(slot, 4), List.of(le(slot == 3 ? 10 : slot == 5 ? 4 : 0, 8))));
        try (JbpfMeters meters = JbpfMeters.bind(registry, plan("latencyHist", MetricsOptions.defaults()), () -> entries)) {
            assertEquals(0.0, bucket(registry, "7.0"));
            assertEquals(10.0, bucket(registry, "15.0"));
            assertEquals(14.0, bucket(registry, "63.0"));
            assertEquals(14.0, bucket(registry, "+Inf"));
            assertEquals(16, registry.find("jbpf_exec_counter_latency_hist_bucket").functionCounters().size());
        }
    }

    @Test @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aLoadedProbesCountsReachTheRegistry(@TempDir java.nio.file.Path dir) throws Exception {
        Prereqs.kernel();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (BPF bpf = BPF.loadAndAttach(ExecCounter.class);
             JbpfMeters meters = JbpfMeters.bind(bpf, registry, MetricsOptions.defaults().exportText("execCounts"))) {
            ExecWorkload.run(dir);
            meters.refresh();
            FunctionCounter execs = registry.find("jbpf_exec_counter_exec_counts").tags("comm", ExecWorkload.COMMAND, "uid", "0").functionCounter();
            assertEquals(ExecWorkload.EXECS, execs.count());
        }
    }

    private static double bucket(SimpleMeterRegistry registry, String le) {
        return registry.find("jbpf_exec_counter_latency_hist_bucket").tags("le", le).functionCounter().count();
    }
}
