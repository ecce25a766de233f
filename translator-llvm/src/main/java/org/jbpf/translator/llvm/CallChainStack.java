package org.jbpf.translator.llvm;

import static org.jbpf.core.asm.Opcodes.*;

import java.util.ArrayList;
import java.util.List;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.asm.SourceLine;
import org.jbpf.core.btf.Btf;
import org.jbpf.core.obj.ProgramSpec;
import org.jbpf.translator.backend.FunctionLinker;
import org.jbpf.translator.mir.MirInstruction;
import org.jbpf.translator.mir.MirProgram;

/**
 * The kernel's limit on one chain of calls (512 bytes of stack together) for LLVM's code, which LLVM checks per
 * function only: each function's frame is the deepest r10 offset its code reaches, its calls and loop-body addresses
 * are resolved to the functions they reach, and the direct backend's {@link FunctionLinker#checkStack} refuses the
 * program with the same message, at the call that starts the chain.
 */
final class CallChainStack {
    private CallChainStack() {}

    /** Refuses {@code code} (LLVM's program {@code p}, functions named by the FUNC ids of {@code btf}) whose call chain needs more than 512 bytes. */
    static void check(ProgramSpec code, List<ProgramSpec.FuncInfo> infos, Btf btf, MirProgram p) {
        if (infos.size() < 2) return;
        List<Insn> insns = code.insns();
        int[] slots = Insn.slotOffsets(insns);
        List<FunctionLinker.Function> functions = new ArrayList<>();
        for (int f = 0; f < infos.size(); f++) {
            int start = infos.get(f).insnOff(), end = f + 1 < infos.size() ? infos.get(f + 1).insnOff() : slots[insns.size()];
            List<Insn> calls = new ArrayList<>();
            int depth = 0;
            for (int k = 0; k < insns.size(); k++) {
                if (slots[k] < start || slots[k] >= end) continue;
                Insn in = insns.get(k);
                depth = Math.max(depth, frameDepth(in, k > 0 ? insns.get(k - 1) : null));
                boolean call = in.isLocalCall(), address = in.isLdImm64() && in.src() == PSEUDO_FUNC;
                if (call || address) {
                    String callee = nameAt(infos, btf, slots[k] + (int) in.imm() + 1);
                    SourceLine at = in.source() == null ? null
                            : new SourceLine(LlvmBackend.baseName(in.source().file()), in.source().line(), in.source().column(), in.source().text());
                    if (callee != null) calls.add(new Insn(in.opcode(), in.dst(), in.src(), in.off(), in.imm(), callee, at));
                }
            }
            functions.add(new FunctionLinker.Function(btf.type(infos.get(f).btfFuncType()).name(), calls, depth, infos.get(f).btfFuncType()));
        }
        SourceLine first = null;
        for (MirInstruction i : p.code()) if (first == null && i.line() != null) first = i.line();
        FunctionLinker.checkStack(functions, first != null ? first.file() : p.name(), first != null ? first.line() : 0);
    }

    /** How deep below r10 this instruction reaches: a load or store at a negative offset, or an address r10 + imm made. */
    private static int frameDepth(Insn in, Insn before) {
        int cls = cls(in.opcode());
        if (cls == LDX && in.src() == R10 || (cls == STX || cls == ST) && in.dst() == R10) return Math.max(0, -in.off());
        boolean addToFramePointer = in.opcode() == (ALU64 | ADD | K) && before != null && before.opcode() == (ALU64 | MOV | X)
                && before.src() == R10 && before.dst() == in.dst();
        return addToFramePointer ? (int) Math.max(0, -in.imm()) : 0;
    }

    private static String nameAt(List<ProgramSpec.FuncInfo> infos, Btf btf, int slot) {
        for (ProgramSpec.FuncInfo f : infos) if (f.insnOff() == slot) return btf.type(f.btfFuncType()).name();
        return null;
    }
}
