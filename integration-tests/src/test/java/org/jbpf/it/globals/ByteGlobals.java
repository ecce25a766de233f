package org.jbpf.it.globals;

import static org.jbpf.Helpers.comm;

import org.jbpf.Bpf;
import org.jbpf.Constant;
import org.jbpf.Section;
import org.jbpf.Strings;
import org.jbpf.TracepointContext;

/**
 * Byte array globals: a thread name to look for, set at load ({@code .rodata}), the last matching name seen
 * ({@code .bss}) and a tag with initial bytes ({@code .data}) the program changes in place.
 */
@Bpf(license = "GPL")
public final class ByteGlobals {
    @Constant static final byte[] target = new byte[16];
    static final byte[] lastComm = new byte[16];
    static byte[] tag = {'j', 'b', 'p', 'f'};
    static long matched;
    static long tagged;

    @Section("tracepoint/syscalls/sys_enter_getppid")
    static int onGetppid(TracepointContext ctx) {
        byte[] comm = new byte[16];
        comm(comm);
        int differences = 0;
        for (int i = 0; i < comm.length; i++) if (comm[i] != target[i]) differences++;
        if (differences != 0) return 0;
        matched++;
        for (int i = 0; i < comm.length; i++) lastComm[i] = comm[i];
        tag[0] = 'J';
        if (Strings.equals(tag, "Jbpf")) tagged++;
        return 0;
    }
}
