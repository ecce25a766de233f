package org.jbpf.it.kernel.probes;

import static org.jbpf.Helpers.tgid;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;
import org.jbpf.TracingContext;
import org.jbpf.maps.HashMap;

/**
 * The scheduler weight of every exec'ing task, through two embedded structs (task_struct.se.load.weight): read with
 * bpf_probe_read_kernel from the current task on the tracepoint, and with plain loads from the BTF-typed task
 * argument on tp_btf. {@code loadExists} holds whether sched_entity has load.
 */
@Bpf(license = "GPL")
public final class SchedWeights {
    public static final HashMap<Integer, Long> probed = new HashMap<>(Integer.class, Long.class, 1024);
    public static final HashMap<Integer, Long> direct = new HashMap<>(Integer.class, Long.class, 1024);
    public static final HashMap<Integer, Long> loadExists = new HashMap<>(Integer.class, Long.class, 16);

    @Section("tracepoint/sched/sched_process_exec")
    static int onExec(TracepointContext ctx) {
        SchedEntity se = SchedTask.current().se();
        probed.update(tgid(), se.load().weight());
        loadExists.update(0, se.hasLoad() ? 1L : 0L);
        return 0;
    }

    @Section("tp_btf/sched_process_exec")
    static int onExecBtf(TracingContext ctx) {
        direct.update(tgid(), ctx.arg(0, SchedTask.class).se().load().weight());
        return 0;
    }
}
