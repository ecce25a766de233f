package org.jbpf.translator.backend;

import java.util.HashMap;
import java.util.Map;

/** Assigns r10-relative offsets to stack objects, scratch slots and spills within BPF's 512-byte stack. */
public final class StackFrameLayout {
    public static final int MAX_STACK = 512;

    private int used;
    private final Map<Integer, Integer> sizes = new HashMap<>();

    /** Returns the (negative) offset of a new area of {@code size} bytes aligned to {@code align}. */
    public int allocate(int size, int align) {
        used = (used + size + align - 1) / align * align;
        int off = -used;
        sizes.put(off, size);
        return off;
    }

    public int sizeAt(int off) { return sizes.getOrDefault(off, 0); }

    /** The areas allocated so far and later, by offset: their sizes in bytes (a view, not a copy). */
    public Map<Integer, Integer> areas() { return java.util.Collections.unmodifiableMap(sizes); }

    public int used() { return used; }

    /**
     * Moves the area at each key of {@code moved} to its value and makes the frame {@code used} bytes, as
     * {@link FramePacking} placed them; areas that share bytes keep the larger size at a shared offset.
     */
    void repack(Map<Integer, Integer> moved, int used) {
        Map<Integer, Integer> before = new HashMap<>(sizes);
        sizes.clear();
        for (Map.Entry<Integer, Integer> e : before.entrySet()) {
            int to = moved.getOrDefault(e.getKey(), e.getKey());
            sizes.put(to, Math.max(e.getValue(), sizes.getOrDefault(to, 0)));
        }
        this.used = used;
    }
}
