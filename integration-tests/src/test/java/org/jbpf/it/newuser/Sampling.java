package org.jbpf.it.newuser;

import static org.jbpf.Helpers.comm;
import static org.jbpf.Helpers.pid;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Strings;
import org.jbpf.Struct;
import org.jbpf.TracepointContext;
import org.jbpf.maps.HashMap;
import org.jbpf.maps.RingBuffer;

/** The seed guide's sampling pattern: only every fifth event of a process is sent, counted with a ternary update. */
@Bpf(license = "GPL")
public final class Sampling {
    static final int EVERY = 5;

    @Struct
    public static final class Sample {
        public int pid;
        public long seen;
    }

    public static final HashMap<Integer, Long> counter = new HashMap<>(Integer.class, Long.class, 128);
    public static final RingBuffer samples = new RingBuffer(4096);

    @Section("tracepoint/syscalls/sys_enter_getppid")
    static int sample(TracepointContext ctx) {
        byte[] name = new byte[16];
        comm(name);
        if (!Strings.startsWith(name, "nu-")) return 0;
        int key = pid();
        Long count = counter.lookup(key);
        if (count != null && count % EVERY == 0) {
            Sample s = new Sample();
            s.pid = key;
            s.seen = count;
            samples.output(s);
        }
        counter.update(key, count != null ? count + 1 : 1L);
        return 0;
    }
}
