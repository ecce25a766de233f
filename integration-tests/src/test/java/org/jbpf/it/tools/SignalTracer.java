package org.jbpf.it.tools;

import org.jbpf.examples.kernel.SignalGenerate;
import static org.jbpf.Helpers.pid;

import org.jbpf.Bpf;
import org.jbpf.CString;
import org.jbpf.Constant;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Strings;
import org.jbpf.Struct;
import org.jbpf.TracepointContext;
import org.jbpf.maps.RingBuffer;

/** Signals one process sends to processes named "sleep", from signal:signal_generate: target, signal, result and target name. */
@Bpf(license = "GPL")
public final class SignalTracer {
    @Struct
    public static final class Signal {
        public int target;
        public int signal;
        public int result;
        @CString @Size(16) public byte[] comm;
    }

    @Constant static int targetPid;
    public static final RingBuffer signals = new RingBuffer(1 << 14);

    @Section("tracepoint/signal/signal_generate")
    static int onGenerate(TracepointContext ctx) {
        if (pid() != targetPid) return 0;
        SignalGenerate g = ctx.as(SignalGenerate.class);
        if (!Strings.equals(g.comm, "sleep")) return 0;
        Signal s = new Signal();
        s.target = g.pid;
        s.signal = g.sig;
        s.result = g.result;
        System.arraycopy(g.comm, 0, s.comm, 0, 16);
        signals.output(s);
        return 0;
    }
}
