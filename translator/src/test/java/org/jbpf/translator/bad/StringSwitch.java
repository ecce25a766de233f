package org.jbpf.translator.bad;

import static org.jbpf.Helpers.comm;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.TracepointContext;

@Bpf
public final class StringSwitch {
    static long shells;

    @Section("tracepoint/syscalls/sys_enter_getppid")
    static int probe(TracepointContext ctx) {
        byte[] name = new byte[16];
        comm(name);
        switch (new String(name)) { // line 17
            case "bash": case "zsh": shells++; break;
            default: break;
        }
        return 0;
    }
}
