package org.jbpf.it.newuser;

import static org.jbpf.Helpers.comm;
import static org.jbpf.Helpers.tid;

import org.jbpf.Bpf;
import org.jbpf.CString;
import org.jbpf.Section;
import org.jbpf.Size;
import org.jbpf.Strings;
import org.jbpf.Struct;
import org.jbpf.TracepointContext;
import org.jbpf.maps.HashMap;

/** Copies between arrays: the thread name reversed into a map value's byte array, its length, and its upper-cased copy. */
@Bpf(license = "GPL")
public final class ReversedNames {
    @Struct
    public static final class Names {
        @CString @Size(16) public byte[] reversed;
        @CString @Size(16) public byte[] upper;
        public int length;
    }

    public static final HashMap<Integer, Names> byThread = new HashMap<>(Integer.class, Names.class, 64);

    @Section("tracepoint/syscalls/sys_enter_getppid")
    static int onGetppid(TracepointContext ctx) {
        byte[] name = new byte[16];
        comm(name);
        if (!Strings.startsWith(name, "nu-rev")) return 0;
        int length = 0;
        while (length < 16 && name[length] != 0) length++;
        Names n = new Names();
        n.length = length;
        for (int i = 0; i < length; i++) {
            n.reversed[i] = name[length - 1 - i];
            byte c = name[i];
            n.upper[i] = c >= 'a' && c <= 'z' ? (byte) (c - 32) : c;
        }
        byThread.update(tid(), n);
        return 0;
    }
}
