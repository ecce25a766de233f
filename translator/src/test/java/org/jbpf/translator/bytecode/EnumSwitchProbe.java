package org.jbpf.translator.bytecode;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;

/** A switch over an enum of another class, which javac compiles through a switch map class: {@link NoOpJumpsTest}. */
@Bpf(license = "GPL")
public final class EnumSwitchProbe {
    enum Level { LOW, MID, HIGH }

    @Section("xdp")
    static int run(XdpContext ctx) { return compute(ctx.length()); }

    static int compute(int n) {
        Level level = n > 100 ? Level.HIGH : n > 50 ? Level.MID : Level.LOW;
        int r = switch (level) {
            case LOW -> 1;
            case MID -> 20;
            case HIGH -> 300;
        };
        return r + n;
    }
}
