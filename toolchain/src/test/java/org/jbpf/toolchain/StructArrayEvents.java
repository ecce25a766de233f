package org.jbpf.toolchain;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.TracepointContext;
import org.jbpf.maps.RingBuffer;

/** Ring records holding a nested struct and an array of structs, for the record type tools print. */
@Bpf(license = "GPL")
public final class StructArrayEvents {
    public static final RingBuffer events = new RingBuffer(4096);

    @Struct
    public static final class Hop {
        public short port;
        public int bytes;
    }

    @Struct
    public static final class Trip {
        public int id;
        public Hop last;
        @Size(2) public Hop[] hops;
    }

    @Section("tracepoint/syscalls/sys_enter_getppid")
    static int onGetppid(TracepointContext ctx) {
        Trip t = events.reserve(Trip.class);
        if (t == null) return 0;
        t.id = 7;
        t.hops[1].port = 80;
        events.submit(t);
        return 0;
    }
}
