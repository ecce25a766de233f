package org.jbpf.maps;

import org.jbpf.InKernelOnly;

/** Stores stack traces by id ({@code bpf_get_stackid}); each value holds up to 127 instruction addresses. */
public final class StackTraceMap {
    public static final int MAX_DEPTH = 127;
    /** {@link #getStackId} flags. */
    public static final long USER_STACK = 1 << 8, FAST_STACK_CMP = 1 << 9, REUSE_STACKID = 1 << 10;

    private final int maxEntries;

    public StackTraceMap(int maxEntries) {
        if (maxEntries <= 0) throw new IllegalArgumentException("max entries must be positive: " + maxEntries);
        this.maxEntries = maxEntries;
    }

    public int maxEntries() { return maxEntries; }

    /** Records the current kernel (or, with {@link #USER_STACK}, user) stack; returns its id or a negative errno. */
    public long getStackId(Object ctx, long flags) { throw InKernelOnly.call("StackTraceMap.getStackId"); }
}
