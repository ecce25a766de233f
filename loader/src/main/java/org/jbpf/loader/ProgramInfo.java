package org.jbpf.loader;

import com.sun.jna.Memory;
import org.jbpf.loader.sys.BpfAttrs;
import org.jbpf.loader.sys.BpfCmd;
import org.jbpf.loader.sys.Fd;
import org.jbpf.loader.sys.Sys;

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
        Sys.bpf(BpfCmd.OBJ_GET_INFO_BY_FD, BpfAttrs.objInfo(program.value(), info, INFO_SIZE),
                () -> "BPF_OBJ_GET_INFO_BY_FD of " + program);
        return new ProgramInfo(info.getInt(TYPE), info.getInt(ID), info.getInt(XLATED_LEN), info.getInt(JITED_LEN),
                info.getInt(VERIFIED_INSNS));
    }
}
