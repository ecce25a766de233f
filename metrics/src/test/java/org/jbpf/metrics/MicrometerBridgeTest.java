package org.jbpf.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.concurrent.TimeUnit;
import org.jbpf.BPF;
import org.jbpf.metrics.probe.ExecCounter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The bridge binds to the global registry of the application's Micrometer, through metrics classes of its own. */
class MicrometerBridgeTest {
    @Test void noMicrometerNoBinding() throws Exception {
        ClassLoader withoutMicrometer = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader());
        assertNull(MicrometerBridge.bindToGlobalRegistry(null, withoutMicrometer));
    }

    @Test @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void theGlobalRegistrySeesTheMaps() throws Exception {
        Prereqs.kernel();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Metrics.addRegistry(registry);
        try (BPF bpf = BPF.loadAndAttach(ExecCounter.class)) {
            bpf.map(ExecCounter.latencyHist).put(3, 10L);
            try (AutoCloseable binding = MicrometerBridge.bindToGlobalRegistry(bpf, getClass().getClassLoader())) {
                assertNotNull(binding);
                assertNotEquals(JbpfMeters.class, binding.getClass(), "the bound classes are the bridge's own copies");
                assertEquals(10.0, registry.find("jbpf_exec_counter_latency_hist_bucket").tags("le", "15.0").functionCounter().count());
                assertEquals(0.0, registry.find("jbpf_exec_counter_latency_hist_bucket").tags("le", "7.0").functionCounter().count());
                assertNull(registry.find("jbpf_exec_counter_exec_counts").meter(), "text keys are not exported unmarked");
                assertEquals(16, registry.getMeters().size());
            }
        } finally {
            Metrics.removeRegistry(registry);
        }
        assertEquals(0, registry.getMeters().size(), "closing the binding removes its meters");
    }
}
