package org.jbpf.translator.bad;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.TracepointContext;

@Bpf
public final class SelfStruct {
    @Struct
    public static final class Node {
        public long value;
        public Node next;
    }

    @Section("tracepoint/syscalls/sys_enter_getpid")
    static long run(TracepointContext ctx) {
        Node n = new Node(); // line 18
        return n.value;
    }
}
