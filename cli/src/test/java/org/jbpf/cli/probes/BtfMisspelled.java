package org.jbpf.cli.probes;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracingContext;

/** A BTF tracepoint whose name lacks a letter: the loader finds no btf_trace_ type for it. */
@Bpf(license = "GPL")
public final class BtfMisspelled {
    @Section("tp_btf/sched_swich")
    static long onSwitch(TracingContext ctx) {
        return 0;
    }
}
