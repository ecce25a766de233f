package org.jbpf.metrics;

import org.jbpf.BPF;
import org.jbpf.metrics.probe.ExecCounter;

/** A child JVM of {@link PrivilegesKernelTest}: loads and serves ExecCounter, prints the URL, runs until stdin ends. */
public final class ServeMain {
    private ServeMain() {}

    public static void main(String[] args) throws Exception {
        try (BPF bpf = BPF.loadAndAttach(ExecCounter.class);
             MetricsServer server = JbpfMetrics.serve(bpf, "127.0.0.1:0", MetricsOptions.defaults().exportText("execCounts"))) {
            System.out.println(server.url());
            System.out.flush();
            while (System.in.read() >= 0) {
                // runs until the test closes our stdin
            }
        }
    }
}
