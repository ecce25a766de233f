package org.jbpf.sim.interp;

/**
 * The kernel's numeric iterator kfuncs as the interpreter runs them, on the 8 bytes of {@code struct bpf_iter_num}
 * the program passes (the current number and the end, as the kernel keeps them): {@code bpf_iter_num_new} starts one
 * before {@code start} (an empty range for a backward one or one longer than 2^23), {@code _next} steps and returns the
 * address of the number or 0 at the end, {@code _destroy} clears it.
 */
final class NumIterators {
    private static final long EINVAL = 22, E2BIG = 7, MAX_LOOPS = 1 << 23;

    private NumIterators() {}

    static boolean handles(String name) {
        return "bpf_iter_num_new".equals(name) || "bpf_iter_num_next".equals(name) || "bpf_iter_num_destroy".equals(name);
    }

    /** Runs kfunc {@code name} with arguments in r1..r3; returns r0. */
    static long call(String name, long[] r, Memory mem) {
        long it = r[1];
        switch (name) {
            case "bpf_iter_num_new": {
                int start = (int) r[2], end = (int) r[3];
                if (start > end) { mem.store(it, 8, 0); return -EINVAL; }
                if ((long) end - start > MAX_LOOPS) { mem.store(it, 8, 0); return -E2BIG; }
                mem.store(it, 4, start - 1);
                mem.store(it + 4, 4, end);
                return 0;
            }
            case "bpf_iter_num_next": {
                int cur = (int) mem.load(it, 4), end = (int) mem.load(it + 4, 4);
                if ((long) cur + 1 >= end) { mem.store(it, 8, 0); return 0; }
                mem.store(it, 4, cur + 1);
                return it;
            }
            default:
                mem.store(it, 8, 0);
                return 0;
        }
    }
}
