package org.jbpf.it.newuser;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/** A switch over an enum with fall-through and a default, an enum passed to a helper and compared, as a user maps states to weights. */
@Bpf(license = "GPL")
public final class EnumDefaults {
    public static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 2);
    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);

    @Section("xdp")
    static int run(XdpContext ctx) {
        Long a = in.lookup(0);
        Long b = in.lookup(1);
        if (a == null || b == null) return XdpContext.XDP_ABORTED;
        out.update(0, compute(a, b));
        return XdpContext.XDP_PASS;
    }

    enum Op { READ, WRITE, OPEN, CLOSE, SEEK }

    static Op op(long v) {
        switch ((int) (v & 7)) {
            case 0: return Op.READ;
            case 1: case 5: return Op.WRITE;
            case 2: return Op.OPEN;
            case 3: return Op.CLOSE;
            default: return Op.SEEK;
        }
    }

    static int weight(Op op, int base) {
        int w = base;
        switch (op) {
            case READ:
            case WRITE:
                w += 10;
                // fall through: data operations also count as file operations
            case OPEN:
                w += 100;
                break;
            case CLOSE:
                w -= 7;
                break;
            default:
                w = -w;
        }
        return w;
    }

    static long compute(long a, long b) {
        Op x = op(a), y = op(b);
        long r = weight(x, (int) (b & 0xff)) * 1000L + weight(y, (int) (a & 0xff));
        if (x == y) r += 1;
        if (x.ordinal() < y.ordinal()) r -= 2;
        return r;
    }
}
