package org.jbpf.it.kernel.probes;

import static org.jbpf.Helpers.tgid;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;
import org.jbpf.maps.HashMap;

/**
 * Kernel fields read at other widths than the kernel's, per exec: an int as short, char and long, an unsigned int as
 * long, a short as long, int and char. The loader relocates each read's size, shifts and signedness.
 */
@Bpf(license = "GPL")
public final class WidthReads {
    public static final HashMap<Integer, WidthValues> reads = new HashMap<>(Integer.class, WidthValues.class, 1024);

    @Section("tracepoint/sched/sched_process_exec")
    static int onExec(TracepointContext ctx) {
        WidthTask task = WidthTask.current();
        WidthValues v = new WidthValues();
        v.tgidLong = task.tgidLong();
        v.tgidShort = task.tgidShort();
        v.tgidChar = task.tgidChar();
        v.sessionId = task.sessionId();
        v.numaNode = task.numaNode();
        v.numaNodeShort = task.numaNodeShort();
        v.numaNodeChar = task.numaNodeChar();
        WidthSignal signal = task.signal();
        v.oomScoreAdj = signal.oomScoreAdj();
        v.oomScoreAdjInt = signal.oomScoreAdjInt();
        v.oomScoreAdjChar = signal.oomScoreAdjChar();
        reads.update(tgid(), v);
        return 0;
    }
}
