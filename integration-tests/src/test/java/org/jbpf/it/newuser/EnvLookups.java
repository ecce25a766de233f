package org.jbpf.it.newuser;

import static org.jbpf.Helpers.pid;
import static org.jbpf.Helpers.probeReadUserStr;
import static org.jbpf.Helpers.tid;

import org.jbpf.Bpf;
import org.jbpf.CString;
import org.jbpf.Constant;
import org.jbpf.PtRegs;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Strings;
import org.jbpf.Struct;
import org.jbpf.maps.HashMap;
import org.jbpf.maps.RingBuffer;

/**
 * getenv() of one process through a uprobe (the name, a user string compared in the kernel) and a uretprobe (the value
 * it returned, a pointer to user memory or null): each lookup of a variable named NU_* goes to a ring buffer with both.
 */
@Bpf(license = "GPL")
public final class EnvLookups {
    @Struct
    public static final class Lookup {
        public int found;
        @CString @Size(32) public byte[] name;
        @CString @Size(32) public byte[] value;
    }

    @Struct
    public static final class Pending {
        @Size(32) public byte[] name;
    }

    @Constant static int targetPid;
    public static final HashMap<Integer, Pending> pending = new HashMap<>(Integer.class, Pending.class, 64);
    public static final RingBuffer lookups = new RingBuffer(1 << 14);
    static long otherNames;

    @Section("uprobe//usr/lib/x86_64-linux-gnu/libc.so.6:getenv")
    static int onGetenv(PtRegs ctx, long name) {
        if (pid() != targetPid) return 0;
        Pending p = new Pending();
        probeReadUserStr(p.name, 32, name);
        if (!Strings.startsWith(p.name, "NU_")) {
            otherNames++;
            return 0;
        }
        pending.update(tid(), p);
        return 0;
    }

    @Section("uretprobe//usr/lib/x86_64-linux-gnu/libc.so.6:getenv")
    static int onGetenvReturn(PtRegs ctx, long value) {
        if (pid() != targetPid) return 0;
        Pending p = pending.lookup(tid());
        if (p == null) return 0;
        Lookup l = lookups.reserve(Lookup.class);
        if (l != null) {
            System.arraycopy(p.name, 0, l.name, 0, 32);
            l.found = value != 0 ? 1 : 0;
            if (value != 0) probeReadUserStr(l.value, 32, value);
            lookups.submit(l);
        }
        pending.delete(tid());
        return 0;
    }
}
