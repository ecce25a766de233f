package org.jbpf.sim.kernel;

import static org.jbpf.core.asm.Insn.*;
import static org.jbpf.core.asm.Opcodes.*;
import static org.jbpf.sim.kernel.Corpus.*;

import java.util.ArrayList;
import java.util.List;
import org.jbpf.core.asm.Insn;

/**
 * XDP programs that compare {@code data + 8} with data_end, with every unsigned compare in both operand orders. The
 * edge where the pointer lies before the end proves 8 bytes after {@code <=}, 9 after {@code <}: each program reads
 * the last proven byte, its twin one byte further, which the kernel refuses. The other edge leaves the pointer at
 * data_end ({@code >=}) or beyond it ({@code >}), and the kernel then decides a second compare of that pointer with
 * the end (LLVM repeats such a test after a select): a read of a null pointer on the edge it knows is never taken
 * is accepted, on an edge it must follow refused. The metadata area is proven the same way by a compare of
 * {@code data_meta + 8} with data, and not by one with {@code data + 1}.
 */
final class PacketBoundsCorpus {
    private PacketBoundsCorpus() {}

    private static final List<Entry> ALL = new ArrayList<>();
    private static final int[] OPS = { JGT, JGE, JLT, JLE };
    private static final String[] NAMES = { "gt", "ge", "lt", "le" };

    /** r2 = data, r3 = data_end, r4 = data + 8. */
    private static final Insn[] POINTERS = { load(4, R2, R1, 0), load(4, R3, R1, 4), mov64Reg(R4, R2), alu64Imm(ADD, R4, 8) };

    /** {@code if r4 op r3} (or the end first when {@code endFirst}), jumping {@code off} ahead. */
    private static Insn compare(int op, boolean endFirst, int off) {
        return endFirst ? jumpReg(swap(op), R3, R4, off) : jumpReg(op, R4, R3, off);
    }

    private static int swap(int op) { return op == JGT ? JLT : op == JGE ? JLE : op == JLT ? JGT : JGE; }

    static {
        for (int i = 0; i < OPS.length; i++)
            for (boolean endFirst : new boolean[] { false, true }) {
                int op = OPS[i];
                boolean insideWhenTaken = op == JLT || op == JLE;
                int proven = op == JGE || op == JLT ? 9 : 8;
                for (int read = proven - 1; read <= proven; read++) {
                    // the read on the edge inside the packet; the other edge returns
                    Insn[] body = insideWhenTaken
                            ? new Insn[] { compare(op, endFirst, 2), mov64Imm(R0, 2), exit(), load(1, R0, R2, read), mov64Imm(R0, 2), exit() }
                            : new Insn[] { compare(op, endFirst, 3), load(1, R0, R2, read), mov64Imm(R0, 2), exit(), mov64Imm(R0, 2), exit() };
                    String name = "packet_" + (endFirst ? "end_" : "") + NAMES[i] + "_reads_byte_" + read;
                    ALL.add(new Entry(name, XDP, List.of(), List.of(cat(POINTERS, body)), read < proven, null));
                }
            }
        // past the end after "> end" (beyond) or ">= end" (at): a second compare the kernel decides, or not
        for (int first : new int[] { JGT, JGE })
            for (int j = 0; j < OPS.length; j++)
                for (boolean badWhenTaken : new boolean[] { false, true }) {
                    int second = OPS[j];
                    boolean beyond = first == JGT;
                    Boolean taken = second == JGE ? Boolean.TRUE : second == JLT ? Boolean.FALSE
                            : beyond ? Boolean.valueOf(second == JGT) : null;
                    boolean ok = taken != null && taken != badWhenTaken;
                    Insn bad = load(1, R0, R6, 0);
                    Insn[] tail = badWhenTaken
                            ? new Insn[] { compare(second, false, 2), mov64Imm(R0, 2), exit(), bad, mov64Imm(R0, 2), exit() }
                            : new Insn[] { compare(second, false, 3), bad, mov64Imm(R0, 2), exit(), mov64Imm(R0, 2), exit() };
                    String name = "packet_" + (beyond ? "beyond" : "at") + "_end_then_" + NAMES[j] + "_null_read_when_"
                            + (badWhenTaken ? "taken" : "not_taken");
                    ALL.add(new Entry(name, XDP, List.of(), List.of(cat(POINTERS, new Insn[] { mov64Imm(R6, 0),
                            jumpReg(first, R4, R3, 2), mov64Imm(R0, 2), exit() }, tail)), ok, null));
                }
        // the metadata area in front of the packet: data_meta + 8 compared with data proves the bytes before it as a
        // compare with data_end does for the packet; compared with data + 1, no longer the packet's start, nothing
        for (int i = 0; i < OPS.length; i++)
            for (boolean start : new boolean[] { true, false }) {
                int op = OPS[i], read = op == JGE || op == JLT ? 8 : 7;
                Insn[] meta = { load(4, R2, R1, 0), load(4, R3, R1, 8), mov64Reg(R4, R3), alu64Imm(ADD, R4, 8), alu64Imm(ADD, R2, start ? 0 : 1) };
                Insn[] body = op == JLT || op == JLE
                        ? new Insn[] { jumpReg(op, R4, R2, 2), mov64Imm(R0, 2), exit(), load(1, R0, R3, read), mov64Imm(R0, 2), exit() }
                        : new Insn[] { jumpReg(op, R4, R2, 3), load(1, R0, R3, read), mov64Imm(R0, 2), exit(), mov64Imm(R0, 2), exit() };
                ALL.add(new Entry("meta_" + NAMES[i] + (start ? "_data" : "_data_plus_1") + "_reads_byte_" + read, XDP, List.of(),
                        List.of(cat(meta, body)), start, null));
            }
    }

    static List<Entry> all() { return ALL; }
}
