package org.jbpf.it.tools;

import org.jbpf.examples.kernel.Irqaction;
import static org.jbpf.Helpers.cpu;
import static org.jbpf.Helpers.ktime;
import static org.jbpf.Helpers.probeReadKernelStr;

import org.jbpf.Bpf;
import org.jbpf.CString;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.TracingContext;
import org.jbpf.maps.BpfMapDef;
import org.jbpf.maps.HashMap;
import org.jbpf.maps.Scratch;

/**
 * hardirqs: how many times each interrupt's handler ran on each CPU and for how long, from irq:irq_handler_entry to
 * irq:irq_handler_exit, with the handler's name as /proc/interrupts shows it. On the BTF-typed tracepoints (the irq
 * and its {@code struct irqaction}) a program runs straight from the tracepoint, with no perf buffer whose per-CPU
 * guard could drop a run uncounted: a run the kernel skips is counted in the program's recursion misses. Keys are
 * {@code cpu << 16 | irq}; handlers run with interrupts off, so one start per CPU is enough.
 */
@Bpf(license = "GPL")
public final class HardIrqs {
    @Struct
    public static final class Name {
        @CString @Size(32) public byte[] text;
    }

    @Scratch public static final HashMap<Integer, Long> startedAt = new HashMap<>(Integer.class, Long.class, 1024);
    public static final HashMap<Integer, Long> runs = new HashMap<>(Integer.class, Long.class, 4096);
    public static final HashMap<Integer, Long> nanos = new HashMap<>(Integer.class, Long.class, 4096);
    public static final HashMap<Integer, Name> names = new HashMap<>(Integer.class, Name.class, 1024);

    @Section("tp_btf/irq_handler_entry")
    static int onEntry(TracingContext ctx) {
        int irq = (int) ctx.arg(0);
        runs.increment(cpu() << 16 | irq);
        if (names.lookup(irq) == null) {
            Name name = new Name();
            probeReadKernelStr(name.text, 32, ctx.arg(1, Irqaction.class).name());
            names.update(irq, name, BpfMapDef.NOEXIST);
        }
        startedAt.update(cpu(), ktime());
        return 0;
    }

    @Section("tp_btf/irq_handler_exit")
    static int onExit(TracingContext ctx) {
        int processor = cpu();
        Long started = startedAt.lookup(processor);
        if (started == null) return 0;   // entered before the probe was attached
        nanos.add(processor << 16 | (int) ctx.arg(0), ktime() - started);
        startedAt.delete(processor);
        return 0;
    }
}
