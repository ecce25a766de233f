package org.jbpf.sim.verifier;

/** The kinds of value the kernel verifier distinguishes in a register, with the names its log uses. */
public enum RegType {
    NOT_INIT("?"),
    SCALAR("scalar"),
    CTX("ctx"),
    STACK("fp"),
    MAP_PTR("map_ptr"),
    MAP_VALUE("map_value"),
    MAP_VALUE_OR_NULL("map_value_or_null"),
    RINGBUF_MEM("ringbuf_mem"),
    RINGBUF_MEM_OR_NULL("ringbuf_mem_or_null"),
    PACKET("pkt"),
    PACKET_META("pkt_meta"),
    PACKET_END("pkt_end"),
    /** The address of a BPF function (a callback such as a bpf_loop body); its instruction index is the state's size. */
    FUNC("func"),
    /**
     * A tracing program's argument, or a pointer field read from one: the kernel types it by BTF (a struct pointer or
     * a number); the simulation lets it serve as a number and loads through it where {@link TracingArguments} allows.
     */
    BTF_ID("ptr_or_scalar"),
    /** A numeric iterator's state in its stack slot ({@link IteratorKfuncs}); never in a register. */
    ITER("iter"),
    /** Read-only memory a kfunc returns (the number of a numeric iterator); its size is the state's size. */
    MEM_RDONLY("rdonly_mem");

    /** The name the kernel log prints for this type. */
    public final String logName;

    RegType(String logName) { this.logName = logName; }

    public boolean isPointer() { return this != NOT_INIT && this != SCALAR && this != BTF_ID; }
    public boolean maybeNull() { return this == MAP_VALUE_OR_NULL || this == RINGBUF_MEM_OR_NULL; }
    public boolean isPacket() { return this == PACKET || this == PACKET_META; }

    /** The type a nullable pointer has once tested non-null. */
    public RegType nonNull() {
        switch (this) {
            case MAP_VALUE_OR_NULL: return MAP_VALUE;
            case RINGBUF_MEM_OR_NULL: return RINGBUF_MEM;
            default: return this;
        }
    }
}
