package org.jbpf.loader;

import com.sun.jna.Memory;
import org.jbpf.loader.sys.BpfAttrs;
import org.jbpf.loader.sys.BpfException;
import org.jbpf.loader.sys.BpfSyscalls;
import org.jbpf.loader.sys.Fd;

/**
 * What the kernel says about a loaded program ({@code struct bpf_prog_info} through {@code BPF_OBJ_GET_INFO_BY_FD}):
 * its id, translated and JIT sizes, how many instructions the verifier processed, and how many times the kernel skipped
 * running it because another BPF program or a bpf() map call was already active on that CPU ({@code recursion_misses}).
 * A tracing program's count that falls short of the kernel's own counters by no more than its misses has lost nothing
 * of its own.
 */
public record ProgramInfo(int type, int id, int xlatedBytes, int jitedBytes, int verifiedInsns, long recursionMisses) {
    // offsets in struct bpf_prog_info (checked against offsetof on the UAPI header)
    private static final int TYPE = 0, ID = 4, JITED_LEN = 16, XLATED_LEN = 20, RECURSION_MISSES = 208, VERIFIED_INSNS = 216,
            INFO_SIZE = 232;

    public static ProgramInfo of(Fd program) {
        Memory info = new Memory(INFO_SIZE);
        info.clear();
        BpfSyscalls.ObjectKind kind = program.syscalls().objectKind(program.value());
        if (kind != BpfSyscalls.ObjectKind.PROGRAM)
            throw new BpfException(program + " is a " + kind.name().toLowerCase() + " object, not a program; its info has another layout");
        program.syscalls().objGetInfoByFd(program.value(), info, INFO_SIZE);
        return new ProgramInfo(info.getInt(TYPE), info.getInt(ID), info.getInt(XLATED_LEN), info.getInt(JITED_LEN),
                info.getInt(VERIFIED_INSNS), info.getLong(RECURSION_MISSES));
    }
}
