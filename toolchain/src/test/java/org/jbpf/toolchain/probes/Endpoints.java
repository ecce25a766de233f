package org.jbpf.toolchain.probes;

import org.jbpf.Bpf;
import org.jbpf.IpAddress;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Struct;
import org.jbpf.TracepointContext;
import org.jbpf.maps.HashMap;

/** Connections keyed by port, their addresses marked and one short array left unmarked. */
@Bpf(license = "GPL")
public final class Endpoints {
    /** Both ends of a connection. */
    @Struct
    public static final class Ends {
        @IpAddress @Size(4) public byte[] local;
        @IpAddress public int remote;
        @IpAddress @Size(16) public byte[] local6;
        @Size(4) public byte[] flags;
        public long notAnAddress;
    }

    public static final HashMap<Integer, Ends> ends = new HashMap<>(Integer.class, Ends.class, 16);

    @Section("tracepoint/syscalls/sys_enter_getppid")
    static int record(TracepointContext ctx) {
        Ends e = new Ends();
        e.remote = 0x0100007f;
        ends.update(1, e);
        return 0;
    }
}
