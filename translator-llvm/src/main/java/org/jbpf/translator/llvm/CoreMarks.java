package org.jbpf.translator.llvm;

import static org.bytedeco.llvm.global.LLVM.*;
import static org.jbpf.core.asm.Opcodes.*;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.llvm.LLVM.LLVMBuilderRef;
import org.bytedeco.llvm.LLVM.LLVMTypeRef;
import org.bytedeco.llvm.LLVM.LLVMValueRef;
import org.jbpf.core.asm.Insn;
import org.jbpf.translator.TranslationException;
import org.jbpf.translator.backend.KernelBtf;
import org.jbpf.translator.mir.MirInstruction;
import org.jbpf.translator.mir.MirObject;
import org.jbpf.translator.mir.MirProgram;

/**
 * Kernel struct reads by name (CO-RE) through LLVM. Each MIR instruction carrying a CO-RE mark becomes one BPF
 * instruction written as inline assembly, so LLVM can neither fold its constant nor change its form, with a stand-in
 * constant that numbers the mark: an immediate from {@link #IMM_BASE} (a move, add or shift) or a load offset from
 * {@link #OFF_BASE}. After LLVM has emitted the code, {@link #restore} puts back each instruction's own constant and
 * mark, and the direct backend's {@link KernelBtf} turns the marks into the same BTF structs and relocation records.
 * The numbering follows the MIR (programs in order, each with its BPF functions), so the lowering and the restoring
 * agree without sharing state.
 */
final class CoreMarks {
    static final int IMM_BASE = 0x5e000000;
    static final int OFF_BASE = 0x7c00;
    /** Marks one object may have: load offsets stay below 0x8000. */
    static final int MAX = 0x400;

    private final Map<MirInstruction, Integer> numbers = new IdentityHashMap<>();
    private final List<MirInstruction> marked = new ArrayList<>();

    CoreMarks(MirObject ir) {
        for (MirProgram p : ir.programs()) {
            add(p);
            for (MirProgram f : p.functions()) add(f);
        }
        if (marked.size() > MAX)
            throw new TranslationException(ir.name() + " reads kernel struct fields by name at " + marked.size()
                    + " places; the LLVM backend takes at most " + MAX + ": translate it with the direct backend");
    }

    private void add(MirProgram p) {
        for (MirInstruction in : p.code())
            if (KernelBtf.isMark(in.reference()) && !numbers.containsKey(in)) {
                numbers.put(in, marked.size());
                marked.add(in);
            }
    }

    static boolean isMark(MirInstruction in) { return KernelBtf.isMark(in.reference()); }

    /** The marked ALU instruction {@code in} on {@code dst} (the register's value before it), as inline assembly. */
    LLVMValueRef alu(ModuleLowering m, LLVMBuilderRef b, MirInstruction in, LLVMValueRef dst) {
        if (cls(in.opcode()) != ALU64 || source(in.opcode()) != K) throw unexpected(in);
        int stand = IMM_BASE + number(in);
        String text = switch (op(in.opcode())) {
            case MOV -> "$0 = " + stand;
            case ADD -> "$0 += " + stand;
            case LSH -> "$0 <<= " + stand;
            case RSH -> "$0 >>= " + stand;
            case ARSH -> "$0 s>>= " + stand;
            default -> throw unexpected(in);
        };
        if (op(in.opcode()) == MOV) return asm(m, b, text, "=r", false);
        return asm(m, b, text, "=r,0", false, dst);
    }

    /** The marked load {@code in} from {@code base}, zero-extended to 64 bits, as inline assembly. */
    LLVMValueRef load(ModuleLowering m, LLVMBuilderRef b, MirInstruction in, LLVMValueRef base) {
        if (cls(in.opcode()) != LDX || mode(in.opcode()) != MEM) throw unexpected(in);
        String width = switch (in.opcode() & 0x18) { case B -> "u8"; case H -> "u16"; case W -> "u32"; default -> "u64"; };
        // side effects kept: the load must stay behind the null test of its base
        return asm(m, b, "$0 = *(" + width + " *)($1 + " + (OFF_BASE + number(in)) + ")", "=r,r", true, base);
    }

    private static LLVMValueRef asm(ModuleLowering m, LLVMBuilderRef b, String text, String constraints, boolean sideEffects, LLVMValueRef... args) {
        LLVMTypeRef[] types = new LLVMTypeRef[args.length];
        java.util.Arrays.fill(types, m.i64);
        LLVMTypeRef type = LLVMFunctionType(m.i64, new PointerPointer<>(types), args.length, 0);
        LLVMValueRef asm = LLVMGetInlineAsm(type, text, text.length(), constraints, constraints.length(), sideEffects ? 1 : 0, 0,
                LLVMInlineAsmDialectATT, 0);
        return LLVMBuildCall2(b, type, asm, new PointerPointer<>(args), args.length, "");
    }

    private int number(MirInstruction in) { return numbers.get(in); }

    private static TranslationException unexpected(MirInstruction in) {
        return new TranslationException("internal error: a CO-RE mark on instruction 0x" + Integer.toHexString(in.opcode())
                + ", which the LLVM backend does not write as inline assembly");
    }

    /** LLVM's instructions with each stand-in constant replaced by the marked instruction's own, and its mark. */
    List<Insn> restore(List<Insn> insns) {
        List<Insn> out = new ArrayList<>(insns.size());
        for (Insn in : insns) {
            int c = cls(in.opcode());
            if (c == ALU64 && source(in.opcode()) == K && in.imm() >= IMM_BASE && in.imm() < IMM_BASE + marked.size()) {
                MirInstruction mark = marked.get((int) in.imm() - IMM_BASE);
                if (mark.opcode() != in.opcode()) throw changed(mark, in);
                out.add(in.withImm(mark.imm()).withReference(mark.reference()));
            } else if (c == LDX && mode(in.opcode()) == MEM && in.off() >= OFF_BASE && in.off() < OFF_BASE + marked.size()) {
                MirInstruction mark = marked.get(in.off() - OFF_BASE);
                if (mark.opcode() != in.opcode()) throw changed(mark, in);
                out.add(in.withOff(mark.off()).withReference(mark.reference()));
            } else {
                out.add(in);
            }
        }
        return out;
    }

    private static TranslationException changed(MirInstruction mark, Insn in) {
        return new TranslationException("internal error: LLVM wrote the CO-RE instruction 0x" + Integer.toHexString(mark.opcode())
                + " as 0x" + Integer.toHexString(in.opcode()));
    }
}
