package org.jbpf.sim.verifier;

import org.jbpf.core.program.ProgramTypes;
import org.jbpf.core.program.SectionKind;
import org.jbpf.core.program.SectionKinds;

/**
 * The program types the simulator models and what their context allows; section names and program types come
 * from core's {@link SectionKinds}, plus the libbpf section names of the types jbpf does not translate to
 * ({@link #forSection}). Context rules follow the kernel's {@code is_valid_access} callbacks, return ranges its
 * {@code check_return_code}.
 */
public enum ProgramKind {
    /**
     * Tracepoint: the kernel lets the verifier read 8..8191 (the record limit it knows at load time) and only
     * checks the real record size when the program is attached; the simulator does the same.
     */
    TRACEPOINT(8, 8192, ProgramTypes.TRACEPOINT, 0),
    /** Raw tracepoint: up to 12 u64 arguments, read-only. */
    RAW_TRACEPOINT(0, 96, ProgramTypes.RAW_TRACEPOINT, 0),
    /** kprobe/uprobe: x86-64 {@code struct pt_regs}, 168 bytes, read-only. */
    KPROBE(0, 168, ProgramTypes.KPROBE, 0),
    /** Socket filter: {@code struct __sk_buff} as {@link SkBuffAccess} allows it, cb[] writable, no packet pointers. */
    SOCKET(0, SkBuffAccess.SIZE, ProgramTypes.SOCKET_FILTER, 0),
    /**
     * XDP: {@code struct xdp_md}; data, data_end, data_meta give packet pointers; read-only; egress_ifindex only for
     * programs loaded for device maps, which the simulator does not model.
     */
    XDP(0, 20, ProgramTypes.XDP, 0),
    /**
     * tc (sched_cls): {@code struct __sk_buff}; data/data_end/data_meta give packet pointers; mark, queue_mapping,
     * priority, tc_index, cb[], tc_classid and tstamp writable; the packet is writable, as in xdp.
     */
    SCHED_CLS(0, SkBuffAccess.SIZE, ProgramTypes.SCHED_CLS, 0),
    /** tc action (section "action"): the context and helpers of sched_cls. */
    SCHED_ACT(0, SkBuffAccess.SIZE, ProgramTypes.SCHED_ACT, 0),
    /**
     * cgroup_skb on ingress: {@code struct __sk_buff} with the socket's addresses and ports, a read-only packet;
     * mark, priority, cb[] and tstamp writable; returns 0 (drop) or 1 (pass).
     */
    CGROUP_SKB(0, SkBuffAccess.SIZE, ProgramTypes.CGROUP_SKB, 0),
    /** cgroup_skb on egress (section "cgroup_skb/egress", attach type BPF_CGROUP_INET_EGRESS): may also return 2 or 3. */
    CGROUP_SKB_EGRESS(0, SkBuffAccess.SIZE, ProgramTypes.CGROUP_SKB, 1),
    /** sk_skb (stream parser or verdict): {@code struct __sk_buff} without mark; tc_index and priority writable; the packet is writable. */
    SK_SKB(0, SkBuffAccess.SIZE, ProgramTypes.SK_SKB, 0),
    /**
     * perf_event: {@code struct bpf_perf_event_data}: the registers (read as whole u64s), then sample_period and addr
     * (read at any width); read-only.
     */
    PERF_EVENT(0, 184, ProgramTypes.PERF_EVENT, 0),
    /** tp_btf (tracing): up to 12 u64 arguments typed by the kernel's BTF, read-only, checked by {@link TracingArguments}. */
    TRACING(0, 96, ProgramTypes.TRACING, 0);

    public final int ctxMin, ctxEnd;
    /** {@code enum bpf_prog_type}, see {@link ProgramTypes}. */
    public final int programType;
    /** {@code expected_attach_type} the kernel is given at load. */
    public final int expectedAttachType;

    ProgramKind(int ctxMin, int ctxEnd, int programType, int expectedAttachType) {
        this.ctxMin = ctxMin;
        this.ctxEnd = ctxEnd;
        this.programType = programType;
        this.expectedAttachType = expectedAttachType;
    }

    /**
     * The kind for a section's first component (any name core's {@link SectionKinds} knows, or one of
     * {@link #forSection}'s), or null when the simulator does not model its program type.
     */
    public static ProgramKind of(String kind) {
        SectionKind k = SectionKinds.byName(kind);
        if (k == null) return simOnly(kind, "");
        for (ProgramKind p : values()) if (p.programType == k.programType() && p.expectedAttachType == 0) return p;
        return null;
    }

    /**
     * The kind for a whole section name: the kinds of {@link #of}, and for program types jbpf does not translate to,
     * the section names libbpf gives them: {@code action}, {@code cgroup_skb/ingress}, {@code cgroup_skb/egress},
     * {@code sk_skb[/...]}.
     */
    public static ProgramKind forSection(String section) {
        String prefix = SectionKinds.prefixOf(section);
        return SectionKinds.byName(prefix) != null ? of(prefix) : simOnly(prefix, section.substring(prefix.length()));
    }

    private static ProgramKind simOnly(String prefix, String rest) {
        switch (prefix) {
            case "action": return SCHED_ACT;
            case "cgroup_skb": return rest.equals("/egress") ? CGROUP_SKB_EGRESS : CGROUP_SKB;
            case "sk_skb": return SK_SKB;
            default: return null;
        }
    }

    /** True when the program may write the packet through its packet pointers (the kernel's may_access_direct_pkt_data). */
    public boolean writesPacket() { return this == XDP || this == SCHED_CLS || this == SCHED_ACT || this == SK_SKB; }

    /** True when the program may use the legacy packet loads LD_ABS and LD_IND (the kernel's may_access_skb). */
    public boolean legacyPacketLoads() { return this == SOCKET || this == SCHED_CLS || this == SCHED_ACT; }

    /**
     * True for the types whose functions using much stack x86-64 gives a private stack: tracepoint, raw_tracepoint,
     * perf_event and tp_btf. Not kprobe/uprobe: 6.18.44 adds up a kprobe program's frames as for any other type
     * ("combined stack size of 2 calls is 560. Too large" for frames of 48 and 504 bytes).
     */
    public boolean privateStacks() { return this == TRACEPOINT || this == RAW_TRACEPOINT || this == PERF_EVENT || this == TRACING; }

    /** The values the program may return, {min, max}, or null when the kernel does not check (check_return_code). */
    public long[] returnRange() {
        switch (this) {
            case CGROUP_SKB: return new long[] { 0, 1 };
            case CGROUP_SKB_EGRESS: return new long[] { 0, 3 };
            default: return null;
        }
    }

    /**
     * What a context access yields: a register for a valid load (unknown scalar or a packet pointer), a
     * marker for a valid store, or null when the kernel refuses the access.
     */
    public RegState access(int off, int size, boolean write) {
        switch (this) {
            case SOCKET: case SCHED_CLS: case SCHED_ACT: case CGROUP_SKB: case CGROUP_SKB_EGRESS: case SK_SKB:
                return SkBuffAccess.access(this, off, size, write);
            default: break;
        }
        if (off < ctxMin || off + size > ctxEnd || off % size != 0) return null;
        switch (this) {
            case XDP:
                if (write || size != 4) return null;
                if (off == 0) return RegState.pointer(RegType.PACKET, 0);
                if (off == 4) return RegState.pointer(RegType.PACKET_END, 0);
                if (off == 8) return RegState.pointer(RegType.PACKET_META, 0);
                return RegState.scalar(ScalarBounds.U32);
            case PERF_EVENT:
                // the registers are read whole; sample_period and addr, the u64s after them, also in part
                if (write || (off < KPROBE.ctxEnd && size != 8)) return null;
                return RegState.scalar(size == 8 ? ScalarBounds.UNKNOWN : ScalarBounds.unsignedRange(0, (1L << (size * 8)) - 1));
            default:
                return write ? null : RegState.UNKNOWN_SCALAR;
        }
    }
}
