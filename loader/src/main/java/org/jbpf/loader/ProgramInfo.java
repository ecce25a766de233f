package org.jbpf.loader;

import com.sun.jna.Memory;
import org.jbpf.loader.sys.BpfAttrs;
import org.jbpf.loader.sys.BpfException;
import org.jbpf.loader.sys.BpfSyscalls;
import org.jbpf.loader.sys.Fd;

/**
 * What the kernel says about a loaded program ({@code struct bpf_prog_info} through {@code BPF_OBJ_GET_INFO_BY_FD}):
 * its id, translated and JIT sizes, and how many instructions the verifier processed.
 */
public record ProgramInfo(int type, int id, int xlatedBytes, int jitedBytes, int verifiedInsns) {
    // offsets in struct bpf_prog_info (checked against offsetof on the UAPI header)
    private static final int TYPE = 0, ID = 4, JITED_LEN = 16, XLATED_LEN = 20, VERIFIED_INSNS = 216, INFO_SIZE = 232;

    public static ProgramInfo of(Fd program) {
        Memory info = new Memory(INFO_SIZE);
        info.clear();
        BpfSyscalls.ObjectKind kind = program.syscalls().objectKind(program.value());
        if (kind != BpfSyscalls.ObjectKind.PROGRAM)
            throw new BpfException(program + " is a " + kind.name().toLowerCase() + " object, not a program; its info has another layout");
        program.syscalls().objGetInfoByFd(program.value(), info, INFO_SIZE);
        return new ProgramInfo(info.getInt(TYPE), info.getInt(ID), info.getInt(XLATED_LEN), info.getInt(JITED_LEN),
                info.getInt(VERIFIED_INSNS));
    }
}
