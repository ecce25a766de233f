package org.jbpf.translator.backend;

import java.util.Arrays;
import java.util.BitSet;

/**
 * Places a frame's areas (the lowering's and the spill slots) so that two share bytes only where they hold something
 * at different places of the program: the largest first, each at the first 8-byte aligned offset from the frame's top
 * where it overlaps no area placed before it that is live where it is.
 */
final class FramePacking {
    /** The new r10 offset of each area (negative), by index. */
    final int[] offset;
    /** The bytes the packed frame uses. */
    final int used;

    private FramePacking(int[] offset, int used) {
        this.offset = offset;
        this.used = used;
    }

    /** Packs areas of {@code size} bytes live at positions {@code live}, each by index. */
    static FramePacking of(int[] size, BitSet[] live) {
        int k = size.length;
        // by size, the largest first, then by index: as one long each, sorted without a comparator
        long[] order = new long[k];
        for (int i = 0; i < k; i++) order[i] = (long) (Integer.MAX_VALUE - rounded(size[i])) << 32 | i;
        Arrays.sort(order);
        int[] from = new int[k], offset = new int[k];
        boolean[] placed = new boolean[k];
        int used = 0;
        for (long o : order) {
            int i = (int) o, bytes = rounded(size[i]);
            int at = 0;
            for (boolean moved = true; moved; ) {
                moved = false;
                for (int j = 0; j < k; j++)
                    if (placed[j] && at < from[j] + rounded(size[j]) && from[j] < at + bytes && live[i].intersects(live[j])) {
                        at = from[j] + rounded(size[j]);
                        moved = true;
                    }
            }
            from[i] = at;
            placed[i] = true;
            offset[i] = -(at + bytes);
            used = Math.max(used, at + bytes);
        }
        return new FramePacking(offset, used);
    }

    private static int rounded(int size) { return (size + 7) / 8 * 8; }
}
