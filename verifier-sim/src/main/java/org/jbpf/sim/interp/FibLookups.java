package org.jbpf.sim.interp;

/**
 * bpf_fib_lookup as far as it answers without a routing table: the checks of its arguments (the size of
 * {@code struct bpf_fib_lookup}, known flags, the address family), IPv6's link-local, multicast and loopback addresses
 * that are never forwarded, an interface index no interface has, and an interface that does not forward. A lookup
 * that would reach the routing table (an interface that forwards, {@link HelperValues#forwarding}) is not simulated:
 * its answer depends on the host's routes.
 */
final class FibLookups {
    /** The size of struct bpf_fib_lookup, and the flags 6.18 knows (DIRECT, OUTPUT, SKIP_NEIGH, TBID, SRC, MARK). */
    private static final int PARAMS_SIZE = 64, KNOWN_FLAGS = 0x3f;
    private static final int AF_INET = 2, AF_INET6 = 10;
    private static final int ENODEV = 19, EINVAL = 22, EAFNOSUPPORT = 97;
    private static final int RET_NOT_FWDED = 4, RET_FWD_DISABLED = 5;
    /** Offsets in struct bpf_fib_lookup: family, ifindex, the source and destination addresses. */
    private static final int FAMILY = 0, IFINDEX = 8, SOURCE = 16, DESTINATION = 32;

    private final Memory mem;
    private final HelperValues values;

    FibLookups(Memory mem, HelperValues values) {
        this.mem = mem;
        this.values = values;
    }

    /** The helper's result for the parameters at {@code params} of {@code size} bytes and {@code flags}. */
    long lookup(long params, int size, long flags) {
        if (size < PARAMS_SIZE || (flags & ~KNOWN_FLAGS) != 0) return -EINVAL;
        byte[] p = mem.read(params, PARAMS_SIZE);
        int family = p[FAMILY] & 0xff;
        if (family != AF_INET && family != AF_INET6) return -EAFNOSUPPORT;
        // IPv6 never forwards a link-local, multicast or loopback address, before it looks at the interface
        if (family == AF_INET6 && (strictScope(p, SOURCE) || strictScope(p, DESTINATION))) return RET_NOT_FWDED;
        int ifindex = (p[IFINDEX] & 0xff) | (p[IFINDEX + 1] & 0xff) << 8 | (p[IFINDEX + 2] & 0xff) << 16 | (p[IFINDEX + 3] & 0xff) << 24;
        Boolean forwards = values.forwarding(ifindex, family == AF_INET6);
        if (forwards == null) return -ENODEV;
        if (!forwards) return RET_FWD_DISABLED;
        throw new SimulationException("bpf_fib_lookup: interface " + ifindex + " forwards packets, so the kernel would look the"
                + " route up in the host's tables, which the simulation does not have; test this lookup in the kernel");
    }

    /** Whether the IPv6 address at {@code off} needs its interface (link-local fe80::/10, multicast ff00::/8, or ::1). */
    private static boolean strictScope(byte[] p, int off) {
        int first = p[off] & 0xff, second = p[off + 1] & 0xff;
        if (first == 0xff || first == 0xfe && (second & 0xc0) == 0x80) return true;
        for (int i = 0; i < 15; i++) if (p[off + i] != 0) return false;
        return p[off + 15] == 1;
    }
}
