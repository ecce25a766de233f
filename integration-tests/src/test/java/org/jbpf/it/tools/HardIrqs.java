package org.jbpf.it.tools;

import static org.jbpf.Helpers.cpu;
import static org.jbpf.Helpers.ktime;

import org.jbpf.Bpf;
import org.jbpf.CString;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.TracepointContext;
import org.jbpf.maps.BpfMapDef;
import org.jbpf.maps.HashMap;
import org.jbpf.maps.Scratch;

/**
 * hardirqs: how many times each interrupt's handler ran on each CPU and for how long, from irq:irq_handler_entry to
 * irq:irq_handler_exit, with the handler's name as /proc/interrupts shows it. Keys are {@code cpu << 16 | irq};
 * handlers run with interrupts off, so one start per CPU is enough.
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

    @Section("tracepoint/irq/irq_handler_entry")
    static int onEntry(TracepointContext ctx) {
        IrqHandlerEntry entry = ctx.as(IrqHandlerEntry.class);
        int irq = entry.irq;
        runs.increment(cpu() << 16 | irq);
        if (names.lookup(irq) == null) {
            Name name = new Name();
            ctx.readDataLoc(name.text, entry.name);
            names.update(irq, name, BpfMapDef.NOEXIST);
        }
        startedAt.update(cpu(), ktime());
        return 0;
    }

    @Section("tracepoint/irq/irq_handler_exit")
    static int onExit(TracepointContext ctx) {
        int processor = cpu();
        Long started = startedAt.lookup(processor);
        if (started == null) return 0;   // entered before the probe was attached
        nanos.add(processor << 16 | ctx.as(IrqHandlerExit.class).irq, ktime() - started);
        startedAt.delete(processor);
        return 0;
    }
}
