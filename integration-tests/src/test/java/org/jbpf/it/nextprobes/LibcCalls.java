package org.jbpf.it.nextprobes;

import static org.jbpf.Helpers.pid;
import static org.jbpf.Helpers.tid;

import org.jbpf.Bpf;
import org.jbpf.Constant;
import org.jbpf.PtRegs;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.maps.HashMap;
import org.jbpf.maps.RingBuffer;
import org.jbpf.maps.Scratch;

/** A uprobe and a uretprobe on libc's labs(): each call of one process with its argument and what it returned. */
@Bpf(license = "GPL")
public final class LibcCalls {
    /** One call. */
    @Struct
    public static final class Call {
        public int pid;
        public long argument;
        public long result;
    }

    @Constant static int targetPid;
    @Scratch public static final HashMap<Integer, Long> arguments = new HashMap<>(Integer.class, Long.class, 1024);
    public static final RingBuffer calls = new RingBuffer(1 << 14);

    @Section("uprobe/libc.so.6:labs")
    static int enter(PtRegs ctx, long n) {
        if (pid() != targetPid) return 0;
        arguments.update(tid(), n);
        return 0;
    }

    @Section("uretprobe/libc.so.6:labs")
    static int exit(PtRegs ctx, long result) {
        Long argument = arguments.lookup(tid());
        if (argument == null) return 0;
        Call call = new Call();
        call.pid = pid();
        call.argument = argument;
        call.result = result;
        calls.output(call);
        arguments.delete(tid());
        return 0;
    }
}
