package org.jbpf.translator.bad;

import static org.jbpf.Helpers.comm;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;

@Bpf
public final class CharacterCall {
    static long digits;

    @Section("tracepoint/syscalls/sys_enter_getppid")
    static int probe(TracepointContext ctx) {
        byte[] name = new byte[16];
        comm(name);
        if (Character.isDigit((char) name[0])) digits++; // line 17
        return 0;
    }
}
