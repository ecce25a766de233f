package org.jbpf.sim.verifier;

/**
 * The program types the simulator models and what their context allows. Context rules follow the kernel's
 * {@code is_valid_access} callbacks, simplified where noted.
 */
public enum ProgramKind {
    /**
     * Tracepoint: the kernel lets the verifier read 8..8191 (the record limit it knows at load time) and only
     * checks the real record size when the program is attached; the simulator does the same.
     */
    TRACEPOINT(8, 8192, true),
    /** Raw tracepoint: up to 12 u64 arguments, read-only. */
    RAW_TRACEPOINT(0, 96, true),
    /** kprobe/uprobe: x86-64 {@code struct pt_regs}, 168 bytes, read-only. */
    KPROBE(0, 168, true),
    /** Socket filter: {@code struct __sk_buff}; u32 fields len..hash readable, cb[0..4] writable. */
    SOCKET(0, 72, false),
    /** XDP: {@code struct xdp_md}; data, data_end, data_meta give packet pointers; read-only. */
    XDP(0, 24, false);

    public final int ctxMin, ctxEnd;
    public final boolean tracing;

    ProgramKind(int ctxMin, int ctxEnd, boolean tracing) {
        this.ctxMin = ctxMin;
        this.ctxEnd = ctxEnd;
        this.tracing = tracing;
    }

    /** The kind for a section's first component, or null when the simulator does not model it. */
    public static ProgramKind of(String kind) {
        switch (kind) {
            case "tracepoint": case "tp": return TRACEPOINT;
            case "raw_tracepoint": case "raw_tp": return RAW_TRACEPOINT;
            case "kprobe": case "kretprobe": case "uprobe": case "uretprobe": return KPROBE;
            case "socket": return SOCKET;
            case "xdp": return XDP;
            default: return null;
        }
    }

    /**
     * What a context access yields: a register for a valid load (unknown scalar or a packet pointer), a
     * marker for a valid store, or null when the kernel refuses the access.
     */
    public RegState access(int off, int size, boolean write) {
        if (off < ctxMin || off + size > ctxEnd || off % size != 0) return null;
        switch (this) {
            case SOCKET:
                if (write) return off >= 48 && off < 68 && size == 4 ? RegState.UNKNOWN_SCALAR : null;
                return size <= 4 ? RegState.scalar(ScalarBounds.U32) : null;
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
