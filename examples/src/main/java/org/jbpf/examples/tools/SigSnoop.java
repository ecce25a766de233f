package org.jbpf.examples.tools;

import org.jbpf.examples.kernel.SignalDeliver;
import org.jbpf.examples.kernel.SignalGenerate;
import static org.jbpf.Helpers.pid;
import static org.jbpf.Helpers.tid;

import org.jbpf.Bpf;
import org.jbpf.Constant;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.TracepointContext;
import org.jbpf.maps.RingBuffer;

/**
 * sigsnoop for the process {@code targetPid} ({@code --const targetPid=1234}; 0: every process): every signal
 * generated for it (signal:signal_generate, in the sender's context, with the result: 0 queued, 1 ignored, 2 already
 * pending) and every signal one of its threads takes from its queue (signal:signal_deliver, in the receiver's
 * context, with the handler: 0 the default action, 1 ignore, else the handler's address), in the order they happen.
 */
@Bpf(license = "GPL")
public final class SigSnoop {
    /** What a record is. */
    public static final int GENERATED = 1, DELIVERED = 2;

    @Struct
    public static final class Event {
        public int kind;
        public int signal;
        public int code;
        public int sender;
        public int thread;
        public int result;
        public long handler;
    }

    @Constant static int targetPid;
    public static final RingBuffer events = new RingBuffer(1 << 14);

    @Section("tracepoint/signal/signal_generate")
    static int onGenerate(TracepointContext ctx) {
        SignalGenerate g = ctx.as(SignalGenerate.class);
        if (targetPid != 0 && g.pid != targetPid) return 0;   // the target thread; a signal to a process names its main thread
        Event e = new Event();
        e.kind = GENERATED;
        e.signal = g.sig;
        e.code = g.code;
        e.sender = pid();
        e.thread = g.pid;
        e.result = g.result;
        events.output(e);
        return 0;
    }

    @Section("tracepoint/signal/signal_deliver")
    static int onDeliver(TracepointContext ctx) {
        if (targetPid != 0 && pid() != targetPid) return 0;
        SignalDeliver d = ctx.as(SignalDeliver.class);
        Event e = new Event();
        e.kind = DELIVERED;
        e.signal = d.sig;
        e.code = d.code;
        e.thread = tid();
        e.handler = d.saHandler;
        events.output(e);
        return 0;
    }
}
