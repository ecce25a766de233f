package org.jbpf.it.language;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.XdpContext;
import org.jbpf.maps.ArrayMap;

/**
 * Switch expressions that yield longs, over an enum (with blocks and yield, a nested switch, fall-through groups) and
 * over chars, inside a loop with continue and a labelled break.
 */
@Bpf(license = "GPL")
public final class SwitchYieldEnums {
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

    enum Op { ADD, SUB, MUL, SHIFT, KEEP }

    static long apply(Op op, long x, long y) {
        return switch (op) {
            case ADD -> x + y;
            case SUB -> {
                long d = x - y;
                yield d < 0 ? -d : d;
            }
            case MUL -> x * (y | 1);
            case SHIFT -> {
                int s = (int) (y & 63);
                yield switch (s & 3) {
                    case 0 -> x << s;
                    case 1 -> x >> s;
                    default -> x >>> s;
                };
            }
            case KEEP -> x;
        };
    }

    static long compute(long a, long b) {
        long r = a;
        Op[] ops = Op.values();
        outer:
        for (int i = 0; i < 8; i++) {
            Op op = ops[(int) ((b >>> (3 * i)) & 7) % ops.length];
            if (op == Op.KEEP) continue;
            char c = (char) ('a' + ((a >>> i) & 7));
            long bonus = switch (c) {
                case 'a', 'e' -> 1L;
                case 'b' -> {
                    if (r > 0) yield 2L;
                    yield -2L;
                }
                case 'h' -> {
                    r ^= b;
                    yield 0L;
                }
                default -> (long) c;
            };
            r = apply(op, r, b + i) + bonus;
            if (r == 0) break outer;
        }
        return r;
    }
}
