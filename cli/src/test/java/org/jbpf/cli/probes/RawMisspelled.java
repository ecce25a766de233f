package org.jbpf.cli.probes;

import org.jbpf.Bpf;
import org.jbpf.RawTracepointContext;
import org.jbpf.Section;

/** A raw tracepoint whose name lacks a letter: only the kernel knows it is missing, at attach. */
@Bpf(license = "GPL")
public final class RawMisspelled {
    @Section("raw_tracepoint/sched_swich")
    static long onSwitch(RawTracepointContext ctx) {
        return 0;
    }
}
