package org.jbpf.sim.verifier;

/**
 * Which {@code struct __sk_buff} fields each socket-buffer program type may read and write, and at which widths, as
 * the kernel's {@code bpf_skb_is_valid_access} and the per-type callbacks before it decide ({@code
 * sk_filter_is_valid_access}, {@code tc_cls_act_is_valid_access}, {@code cg_skb_is_valid_access}, {@code
 * sk_skb_is_valid_access}); checked against the running kernel at every offset and width.
 */
final class SkBuffAccess {
    private SkBuffAccess() {}

    /** Offsets of the fields of {@code struct __sk_buff} whose rules differ from a plain u32. */
    static final int MARK = 8, QUEUE_MAPPING = 12, PRIORITY = 32, TC_INDEX = 44, CB = 48, CB_END = 68,
            TC_CLASSID = 72, DATA = 76, DATA_END = 80, FAMILY = 88, REMOTE_IP4 = 92, LOCAL_PORT_END = 140,
            DATA_META = 140, FLOW_KEYS = 144, TSTAMP = 152, WIRE_LEN = 160, SK = 168, TSTAMP_TYPE = 180,
            HWTSTAMP = 184, SIZE = 192;

    /** What a load yields, {@link RegState#UNKNOWN_SCALAR} for a valid store, or null when the kernel refuses. */
    static RegState access(ProgramKind kind, int off, int size, boolean write) {
        if (off < 0 || off + size > SIZE || off % size != 0) return null;
        // tc programs may read the timestamp's type, one byte, which the shared rules refuse to everyone else
        boolean tcTstampType = (kind == ProgramKind.SCHED_CLS || kind == ProgramKind.SCHED_ACT) && off == TSTAMP_TYPE;
        if (tcTstampType ? write || size != 1 : !typeAllows(kind, off, size, write) || !common(off, size, write)) return null;
        if (write) return RegState.UNKNOWN_SCALAR;
        if (in(off, SK, 8))
            throw new Reject("reading __sk_buff->sk is not modelled by the simulator",
                    "the socket pointer of __sk_buff (a pointer to struct bpf_sock) is not supported by the verifier simulation");
        if (in(off, DATA, 4)) return RegState.pointer(RegType.PACKET, 0);
        if (in(off, DATA_END, 4)) return RegState.pointer(RegType.PACKET_END, 0);
        if (in(off, DATA_META, 4)) return RegState.pointer(RegType.PACKET_META, 0);
        return RegState.scalar(size == 8 ? ScalarBounds.UNKNOWN : ScalarBounds.unsignedRange(0, (1L << (size * 8)) - 1));
    }

    /** The program type's own callback: fields it hides, fields it lets the program write. */
    private static boolean typeAllows(ProgramKind kind, int off, int size, boolean write) {
        switch (kind) {
            case SOCKET:
                if (in(off, TC_CLASSID, 4) || in(off, DATA, 4) || in(off, DATA_META, 4) || in(off, DATA_END, 4)
                        || (off >= FAMILY && off < LOCAL_PORT_END) || in(off, TSTAMP, 8) || in(off, WIRE_LEN, 4)
                        || in(off, HWTSTAMP, 8))
                    return false;
                return !write || inCb(off);
            case SCHED_CLS: case SCHED_ACT:
                if (write && !(in(off, MARK, 4) || in(off, TC_INDEX, 4) || in(off, PRIORITY, 4) || in(off, TC_CLASSID, 4)
                        || inCb(off) || in(off, TSTAMP, 8) || in(off, QUEUE_MAPPING, 4)))
                    return false;
                return off < FAMILY || off >= LOCAL_PORT_END;
            case CGROUP_SKB: case CGROUP_SKB_EGRESS:
                if (in(off, TC_CLASSID, 4) || in(off, DATA_META, 4) || in(off, WIRE_LEN, 4)) return false;
                return !write || in(off, MARK, 4) || in(off, PRIORITY, 4) || inCb(off) || in(off, TSTAMP, 8);
            case SK_SKB:
                if (in(off, TC_CLASSID, 4) || in(off, DATA_META, 4) || in(off, TSTAMP, 8) || in(off, WIRE_LEN, 4)
                        || in(off, HWTSTAMP, 8) || in(off, MARK, 4))
                    return false;
                return !write || in(off, TC_INDEX, 4) || in(off, PRIORITY, 4);
            default:
                return false;
        }
    }

    /** The rules every socket-buffer program type shares ({@code bpf_skb_is_valid_access}). */
    private static boolean common(int off, int size, boolean write) {
        if (inCb(off)) return off + size <= CB_END;
        if ((off >= REMOTE_IP4 && off < REMOTE_IP4 + 40) || in(off, DATA, 4) || in(off, DATA_META, 4) || in(off, DATA_END, 4))
            return size == 4;
        if (in(off, FLOW_KEYS, 8)) return false;
        if (in(off, HWTSTAMP, 8)) return !write && size == 8;
        if (in(off, TSTAMP, 8)) return size == 8;
        if (in(off, SK, 8)) return !write && size == 8;
        // the byte of tstamp_type and the padding after it up to hwtstamp
        if (off >= TSTAMP_TYPE && off < HWTSTAMP) return false;
        // every other field is a u32: written whole, read whole or in part (a narrow read)
        return write ? size == 4 : size <= 4;
    }

    private static boolean inCb(int off) { return off >= CB && off < CB_END; }

    private static boolean in(int off, int field, int size) { return off >= field && off < field + size; }
}
