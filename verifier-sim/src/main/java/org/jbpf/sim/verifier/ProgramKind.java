package org.jbpf.sim.verifier;

import org.jbpf.core.program.ProgramTypes;
import org.jbpf.core.program.SectionKind;
import org.jbpf.core.program.SectionKinds;

/**
 * The program types the simulator models and what their context allows; section names and program types come
 * from core's {@link SectionKinds}. Context rules follow the kernel's
 * {@code is_valid_access} callbacks, simplified where noted.
 */
public enum ProgramKind {
    /**
     * Tracepoint: the kernel lets the verifier read 8..8191 (the record limit it knows at load time) and only
     * checks the real record size when the program is attached; the simulator does the same.
     */
    TRACEPOINT(8, 8192, ProgramTypes.TRACEPOINT),
    /** Raw tracepoint: up to 12 u64 arguments, read-only. */
    RAW_TRACEPOINT(0, 96, ProgramTypes.RAW_TRACEPOINT),
    /** kprobe/uprobe: x86-64 {@code struct pt_regs}, 168 bytes, read-only. */
    KPROBE(0, 168, ProgramTypes.KPROBE),
    /** Socket filter: {@code struct __sk_buff}; u32 fields len..hash readable, cb[0..4] writable. */
    SOCKET(0, 72, ProgramTypes.SOCKET_FILTER),
    /** XDP: {@code struct xdp_md}; data, data_end, data_meta give packet pointers; read-only. */
    XDP(0, 24, ProgramTypes.XDP),
    /**
     * tc (sched_cls): {@code struct __sk_buff}; u32 fields before data readable, data/data_end/data_meta give packet
     * pointers; mark, priority, tc_index, cb[0..4] and tc_classid writable; the packet is writable, as in xdp.
     * Stricter than the kernel: the later 64-bit fields (tstamp, sk, ...) are refused.
     */
    SCHED_CLS(0, 144, ProgramTypes.SCHED_CLS),
    /** tp_btf (tracing): up to 12 u64 arguments typed by the kernel's BTF, read-only, see {@link TracingArguments}. */
    TRACING(0, 96, ProgramTypes.TRACING);

    public final int ctxMin, ctxEnd;
    /** {@code enum bpf_prog_type}, see {@link ProgramTypes}. */
    public final int programType;

    ProgramKind(int ctxMin, int ctxEnd, int programType) {
        this.ctxMin = ctxMin;
        this.ctxEnd = ctxEnd;
        this.programType = programType;
    }

    /**
     * The kind for a section's first component (any name core's {@link SectionKinds} knows), or null when the
     * simulator does not model its program type.
     */
    public static ProgramKind of(String kind) {
        SectionKind k = SectionKinds.byName(kind);
        if (k == null) return null;
        for (ProgramKind p : values()) if (p.programType == k.programType()) return p;
        return null;
    }

    /** True when the program may write the packet through its packet pointers (xdp and tc, as the kernel allows). */
    public boolean writesPacket() { return this == XDP || this == SCHED_CLS; }

    /**
     * What a context access yields: a register for a valid load (unknown scalar or a packet pointer), a
     * marker for a valid store, or null when the kernel refuses the access.
     */
    public RegState access(int off, int size, boolean write) {
        if (off < ctxMin || off + size > ctxEnd || off % size != 0) return null;
        switch (this) {
            case TRACING: return write || size != 8 ? null : TracingArguments.argument();
            case SOCKET:
                if (write) return off >= 48 && off < 68 && size == 4 ? RegState.UNKNOWN_SCALAR : null;
                return size <= 4 ? RegState.scalar(ScalarBounds.U32) : null;
            case SCHED_CLS:
                if (write) return size == 4 && (off == 8 || off == 32 || off == 44 || off >= 48 && off <= 72) ? RegState.UNKNOWN_SCALAR : null;
                if (off == 76 || off == 80 || off == 140) {
                    if (size != 4) return null;
                    return RegState.pointer(off == 76 ? RegType.PACKET : off == 80 ? RegType.PACKET_END : RegType.PACKET_META, 0);
                }
                return off < 76 && size <= 4 ? RegState.scalar(ScalarBounds.U32) : null;
            case XDP:
                if (write || size != 4) return null;
                if (off == 0) return RegState.pointer(RegType.PACKET, 0);
                if (off == 4) return RegState.pointer(RegType.PACKET_END, 0);
                if (off == 8) return RegState.pointer(RegType.PACKET_META, 0);
                return RegState.scalar(ScalarBounds.U32);
            default:
                return write ? null : RegState.UNKNOWN_SCALAR;
        }
    }
}
