package org.jbpf.it.net;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.SkBuffContext;
import org.jbpf.net.FibLookup;

/** A socket filter that asks for a route, which the kernel allows only xdp and tc programs. */
@Bpf(license = "GPL")
public final class SocketFibLookup {
    @Section("socket/route")
    static int route(SkBuffContext ctx) {
        FibLookup fib = new FibLookup();
        fib.family = FibLookup.AF_INET;
        return ctx.fibLookup(fib, 0) == FibLookup.RET_SUCCESS ? ctx.length() : 0;
    }
}
