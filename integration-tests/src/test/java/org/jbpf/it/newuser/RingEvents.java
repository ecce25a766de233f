package org.jbpf.it.newuser;

import static org.jbpf.Helpers.comm;
import static org.jbpf.Helpers.ktime;
import static org.jbpf.Helpers.pid;
import static org.jbpf.Helpers.tid;

import org.jbpf.Bpf;
import org.jbpf.CString;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Strings;
import org.jbpf.Struct;
import org.jbpf.TracepointContext;
import org.jbpf.maps.PerfEventArray;
import org.jbpf.maps.RingBuffer;

/**
 * Events as structs: every call goes to a ring buffer through output, every third through a perf buffer, and
 * reserve/submit sends the even arguments while discarding the odd ones.
 */
@Bpf(license = "GPL")
public final class RingEvents {
    @Struct
    public static final class Event {
        public long timestamp;
        public int pid;
        public int tid;
        public long argument;
        @CString @Size(16) public byte[] comm;
    }

    public static final RingBuffer events = new RingBuffer(1 << 16);
    public static final PerfEventArray perfEvents = new PerfEventArray(Integer.class, Integer.class);
    public static final RingBuffer reserved = new RingBuffer(1 << 16);

    @Section("tracepoint/syscalls/sys_enter_getpgid")
    static long onGetpgid(TracepointContext ctx) {
        Event event = new Event();
        comm(event.comm);
        if (!Strings.startsWith(event.comm, "nu-")) return 0;
        event.timestamp = ktime();
        event.pid = pid();
        event.tid = tid();
        event.argument = ctx.arg(0);
        events.output(event);
        if (event.argument % 3 == 0) perfEvents.output(event);
        Event slot = reserved.reserve(Event.class);
        if (slot == null) return 1;
        slot.argument = event.argument;
        slot.pid = event.pid;
        comm(slot.comm);
        if ((slot.argument & 1) == 0) reserved.submit(slot);
        else reserved.discard(slot);
        return 0;
    }
}
