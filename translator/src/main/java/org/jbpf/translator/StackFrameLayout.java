package org.jbpf.translator;

import java.util.HashMap;
import java.util.Map;

/** Assigns r10-relative offsets to stack objects, scratch slots and spills within BPF's 512-byte stack. */
final class StackFrameLayout {
    static final int MAX_STACK = 512;

    private int used;
    private final Map<Integer, Integer> sizes = new HashMap<>();

    /** Returns the (negative) offset of a new area of {@code size} bytes aligned to {@code align}. */
    int allocate(int size, int align) {
        used = (used + size + align - 1) / align * align;
        int off = -used;
        sizes.put(off, size);
        return off;
    }

    int sizeAt(int off) { return sizes.getOrDefault(off, 0); }

    int used() { return used; }
}
