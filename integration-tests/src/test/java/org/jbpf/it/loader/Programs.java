package org.jbpf.it.loader;

import static org.jbpf.core.asm.Opcodes.*;

import java.util.ArrayList;
import java.util.List;
import org.jbpf.core.asm.HelperNames;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.asm.SourceLine;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.MapSpec;
import org.jbpf.core.obj.MapTypes;
import org.jbpf.core.obj.ProgramSpec;

/** Small hand-assembled programs for the loader tests. */
final class Programs {
    private Programs() {}

    /**
     * counts[tgid] += 1 for the calling process, only when that process is {@code pid} (so other processes on the
     * machine do not disturb the count). Any preamble runs first and may jump to the exit with {@code skipLabel}.
     */
    static List<Insn> countByPid(String map, int pid, List<Insn> preamble) {
        List<Insn> body = new ArrayList<>(preamble);
        body.addAll(List.of(
                Insn.call(HelperNames.GET_CURRENT_PID_TGID),
                Insn.alu64Imm(RSH, R0, 32),
                Insn.jumpImm(JNE, R0, pid, 19),               // -> exit
                Insn.store(4, R10, -4, R0),
                Insn.ldMap(R1, map),
                Insn.mov64Reg(R2, R10), Insn.alu64Imm(ADD, R2, -4),
                Insn.call(HelperNames.MAP_LOOKUP_ELEM),
                Insn.jumpImm(JEQ, R0, 0, 3),
                Insn.mov64Imm(R1, 1),
                Insn.atomic(8, ADD, R0, 0, R1),
                Insn.ja(9),                                   // -> exit
                Insn.storeImm(8, R10, -16, 1),
                Insn.ldMap(R1, map),
                Insn.mov64Reg(R2, R10), Insn.alu64Imm(ADD, R2, -4),
                Insn.mov64Reg(R3, R10), Insn.alu64Imm(ADD, R3, -16),
                Insn.mov64Imm(R4, 0),
                Insn.call(HelperNames.MAP_UPDATE_ELEM),
                Insn.mov64Imm(R0, 0),                         // exit:
                Insn.exit()));
        return body;
    }

    static MapSpec hash(String name, int keySize, int valueSize, int max) {
        return new MapSpec(name, MapTypes.HASH, keySize, valueSize, max, 0, 0, 0);
    }

    /** An object with one counting program in {@code section} and its map "counts". */
    static BpfObject counter(String section, List<Insn> preamble) {
        return new BpfObject("counter", "GPL", List.of(hash("counts", 4, 8, 64)),
                List.of(new ProgramSpec("count_calls", section, countByPid("counts", Kernel.pid(), preamble), List.of())), null);
    }

    /** per_cpu[0] += 1 on the CPU the program runs on, for calls by {@code pid}. */
    static BpfObject perCpuCounter(String section) {
        List<Insn> insns = List.of(
                Insn.call(HelperNames.GET_CURRENT_PID_TGID),
                Insn.alu64Imm(RSH, R0, 32),
                Insn.jumpImm(JNE, R0, Kernel.pid(), 9),
                Insn.storeImm(4, R10, -4, 0),
                Insn.ldMap(R1, "per_cpu"),
                Insn.mov64Reg(R2, R10), Insn.alu64Imm(ADD, R2, -4),
                Insn.call(HelperNames.MAP_LOOKUP_ELEM),
                Insn.jumpImm(JEQ, R0, 0, 2),
                Insn.mov64Imm(R1, 1),
                Insn.atomic(8, ADD, R0, 0, R1),
                Insn.mov64Imm(R0, 0),
                Insn.exit());
        return new BpfObject("percpu", "GPL", List.of(new MapSpec("per_cpu", MapTypes.PERCPU_ARRAY, 4, 8, 1, 0, 0, 0)),
                List.of(new ProgramSpec("count_per_cpu", section, insns, List.of())), null);
    }

    /** A program the verifier refuses: it dereferences r2, which holds a plain number, at Probe.java:42. */
    static BpfObject rejected() {
        List<Insn> insns = List.of(
                Insn.mov64Imm(R0, 0).withSource(new SourceLine("Probe.java", 40, 0, "int x = 0;")),
                Insn.mov64Imm(R2, 1234).withSource(new SourceLine("Probe.java", 41, 0, "long p = 1234;")),
                Insn.load(8, R0, R2, 0).withSource(new SourceLine("Probe.java", 42, 0, "x = read(p);")),
                Insn.exit().withSource(new SourceLine("Probe.java", 43, 0, "return x;")));
        return new BpfObject("bad", "GPL", List.of(),
                List.of(new ProgramSpec("bad_deref", "tracepoint/syscalls/sys_enter_getppid", insns, List.of())), null);
    }

    /** Returns {@code verdict}, counting each run in array map "packets"[0]. */
    static List<Insn> countAndReturn(int verdict) {
        return List.of(
                Insn.storeImm(4, R10, -4, 0),
                Insn.ldMap(R1, "packets"),
                Insn.mov64Reg(R2, R10), Insn.alu64Imm(ADD, R2, -4),
                Insn.call(HelperNames.MAP_LOOKUP_ELEM),
                Insn.jumpImm(JEQ, R0, 0, 2),
                Insn.mov64Imm(R1, 1),
                Insn.atomic(8, ADD, R0, 0, R1),
                Insn.mov64Imm(R0, verdict),
                Insn.exit());
    }

    static BpfObject packetCounter(String section, int verdict) {
        return new BpfObject("packets", "GPL", List.of(new MapSpec("packets", MapTypes.ARRAY, 4, 8, 1, 0, 0, 0)),
                List.of(new ProgramSpec("count_packets", section, countAndReturn(verdict), List.of())), null);
    }
}
