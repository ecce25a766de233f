package org.jbpf.metrics;

import java.io.PrintStream;
import java.util.List;
import org.jbpf.BPF;

/** {@code jbpf run --serve}: serves a running probe's maps, saying where, with notes about left-out maps on stderr. */
public final class CommandLineMetrics {
    private CommandLineMetrics() {}

    /**
     * Starts serving when {@code address} is given and returns the server (close it when the run ends), or null when
     * it is not; {@code exportText} names the maps whose text may be exported.
     */
    public static MetricsServer serve(BPF bpf, String address, List<String> exportText, PrintStream out, PrintStream err) {
        if (address == null) {
            if (!exportText.isEmpty()) throw new IllegalArgumentException("--export-text needs --serve HOST:PORT");
            return null;
        }
        MetricsOptions options = MetricsOptions.defaults().exportText(exportText).notes(note -> err.println("jbpf: metrics: " + note));
        MetricsServer server = JbpfMetrics.serve(bpf, address, options);
        out.println("serving metrics at " + server.url());
        return server;
    }
}
