package org.jbpf.translator.bad;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.TracepointContext;

@Bpf
public final class NestedStruct {
    /** Not a @Struct: a struct can hold it only once it is one. */
    public static final class Inner { public long a; }

    @Struct
    public static final class Outer {
        public long b;
        public Inner inner;
    }

    @Section("tracepoint/syscalls/sys_enter_getpid")
    static long run(TracepointContext ctx) {
        Outer o = new Outer(); // line 21
        o.b = 1;
        return o.b;
    }
}
