package org.jbpf.it.newuser;

import static org.jbpf.Helpers.comm;
import static org.jbpf.Helpers.pid;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Strings;
import org.jbpf.Struct;
import org.jbpf.TracepointContext;
import org.jbpf.maps.HashMap;

/**
 * Maps keyed by long, short and byte with Integer, Byte and struct values; a looked-up struct chosen by a ternary
 * (or null) and a Long unboxed with a default.
 */
@Bpf(license = "GPL")
public final class NarrowKeys {
    @Struct
    public static final class Stats {
        public long count;
        public long total;
    }

    public static final HashMap<Long, Integer> byArgument = new HashMap<>(Long.class, Integer.class, 64);
    public static final HashMap<Short, Byte> byLowBits = new HashMap<>(Short.class, Byte.class, 64);
    public static final HashMap<Byte, Long> byParity = new HashMap<>(Byte.class, Long.class, 4);
    public static final HashMap<Integer, Stats> large = new HashMap<>(Integer.class, Stats.class, 16);

    @Section("tracepoint/syscalls/sys_enter_getpgid")
    static int onGetpgid(TracepointContext ctx) {
        byte[] name = new byte[16];
        comm(name);
        if (!Strings.startsWith(name, "nu-")) return 0;
        long arg = ctx.arg(0);
        Integer seen = byArgument.lookup(arg);
        byArgument.update(arg, seen == null ? 1 : seen + 1);
        short low = (short) (arg & 0xf);
        Byte b = byLowBits.lookup(low);
        byLowBits.update(low, (byte) (b == null ? 1 : b + 1));
        byte parity = (byte) (arg & 1);
        Long n = byParity.lookup(parity);
        long before = n == null ? 0 : n;
        byParity.update(parity, before + arg);
        int key = pid();
        if (large.lookup(key) == null) large.update(key, new Stats());
        Stats s = arg >= 10 ? large.lookup(key) : null;
        if (s != null) {
            s.count++;
            s.total += arg;
        }
        return 0;
    }
}
