package org.jbpf.it.tools;

import com.sun.jna.Memory;
import org.jbpf.BPF;
import org.jbpf.loader.sys.Fd;

/**
 * How many runs the kernel skipped of a loaded tracing program because another BPF program, or a bpf() map call, was
 * active on that CPU ({@code bpf_prog_info.recursion_misses}). A count a probe keeps may be short by exactly these.
 */
final class RecursionMisses {
    private static final int RECURSION_MISSES = 208, INFO_SIZE = 232;   // offset in struct bpf_prog_info

    private RecursionMisses() {}

    /** The misses of {@code programs} of {@code bpf}, summed. */
    static long of(BPF bpf, String... programs) {
        long sum = 0;
        for (String name : programs) {
            Fd fd = bpf.program(name).fd();
            Memory info = new Memory(INFO_SIZE);
            info.clear();
            fd.syscalls().objGetInfoByFd(fd.value(), info, INFO_SIZE);
            sum += info.getLong(RECURSION_MISSES);
        }
        return sum;
    }
}
