package org.jbpf.toolchain;

/**
 * The search every symbol table here shares: in addresses sorted as unsigned numbers, the last one at or below an
 * address, i.e. the start of the function or method that may hold it.
 */
final class SortedAddresses {
    private SortedAddresses() {}

    /** The index of the last of {@code sorted} (ascending, unsigned) that is at most {@code address}, or -1. */
    static int floor(long[] sorted, long address) {
        int lo = 0, hi = sorted.length - 1, found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(sorted[mid], address) <= 0) {
                found = mid;
                lo = mid + 1;
            } else hi = mid - 1;
        }
        return found;
    }
}
