package org.jbpf.it.kernel.probes;

import static org.jbpf.Helpers.comm;
import static org.jbpf.Helpers.pid;
import static org.jbpf.Helpers.probeReadUserStr;

import org.jbpf.Bpf;
import org.jbpf.RawTracepointContext;
import org.jbpf.Section;
import org.jbpf.examples.kernel.OpenEvent;
import org.jbpf.examples.kernel.PtRegs;
import org.jbpf.maps.RingBuffer;

/**
 * opensnoop on the raw sys_enter tracepoint: its first argument is the caller's {@code struct pt_regs *}, read by
 * name through {@link PtRegs} (jbpf gen btf pt_regs.di pt_regs.si); openat's file name is its second argument, in si.
 */
@Bpf(license = "GPL")
public final class RawOpenat {
    static final long OPENAT = 257; // x86-64
    public static final RingBuffer events = new RingBuffer(1 << 20);

    @Section("raw_tracepoint/sys_enter")
    static int onSysEnter(RawTracepointContext ctx) {
        if (ctx.arg(1) != OPENAT) {
            return 0;
        }
        OpenEvent event = events.reserve(OpenEvent.class);
        if (event == null) {
            return 0;
        }
        event.pid = pid();
        comm(event.comm);
        probeReadUserStr(event.filename, 256, PtRegs.at(ctx.arg(0)).si());
        events.submit(event);
        return 0;
    }
}
