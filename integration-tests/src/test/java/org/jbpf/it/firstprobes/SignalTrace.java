package org.jbpf.it.firstprobes;

import org.jbpf.examples.kernel.SignalGenerate;
import static org.jbpf.Helpers.pid;

import org.jbpf.Bpf;
import org.jbpf.CString;
import org.jbpf.Constant;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.TracepointContext;
import org.jbpf.maps.RingBuffer;

/** Signals one process sends: sender, target, its command, the signal and the result. */
@Bpf(license = "GPL")
public final class SignalTrace {
    /** One generated signal. */
    @Struct
    public static final class Signal {
        public int sender;
        public int target;
        public int signal;
        public int result;
        @CString @Size(16) public byte[] targetComm;
    }

    @Constant static int targetPid;
    public static final RingBuffer signals = new RingBuffer(1 << 14);

    @Section("tracepoint/signal/signal_generate")
    static int onSignal(TracepointContext ctx) {
        if (pid() != targetPid) return 0;
        SignalGenerate g = ctx.as(SignalGenerate.class);
        Signal s = new Signal();
        s.sender = pid();
        s.target = g.pid;
        s.signal = g.sig;
        s.result = g.result;
        System.arraycopy(g.comm, 0, s.targetComm, 0, 16);
        signals.output(s);
        return 0;
    }
}
