package org.jbpf.it.kernel.probes;

import static org.jbpf.Helpers.tgid;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;
import org.jbpf.maps.ArrayMap;

/**
 * Existence checks branch on the running kernel: slot 0 counts execs where task_struct has no_such_field, slot 1
 * those where it lacks it; slot 2 holds 1 when tgid exists, and slot 3 the tgid read through an offset that was
 * wrong until the loader relocated it, compared with the helper's tgid (1 when equal).
 */
@Bpf(license = "GPL")
public final class FieldChecks {
    public static final ArrayMap<Long> seen = new ArrayMap<>(Long.class, 4);

    @Section("tracepoint/sched/sched_process_exec")
    static int onExec(TracepointContext ctx) {
        OddTask task = OddTask.current();
        if (task.hasNoSuchField()) {
            seen.increment(0);
        } else {
            seen.increment(1);
        }
        seen.update(2, task.hasTgid() ? 1L : 0L);
        seen.update(3, task.tgid() == tgid() ? 1L : 0L);
        return 0;
    }
}
