package org.jbpf.translator.llvm;

import static org.bytedeco.llvm.global.LLVM.*;

import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.llvm.LLVM.LLVMBuilderRef;
import org.bytedeco.llvm.LLVM.LLVMTypeRef;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/**
 * BPF's arithmetic where LLVM's differs: shift counts and division by zero or -1, which LLVM leaves undefined, and
 * values LLVM must not see into because the kernel checks them as they are ({@link #opaque}).
 */
final class Arithmetic {
    private final ModuleLowering m;
    private final LLVMBuilderRef b;

    Arithmetic(ModuleLowering module) {
        this.m = module;
        this.b = module.builder;
    }

    /**
     * The value itself, through an empty inline asm LLVM cannot see into and must leave where it is: it knows none of
     * the value's bits and cannot compute it before the bounds check above it. Without it, LLVM turns the addition of
     * an 8-aligned address and an index masked below 8 into {@code or}, and checks a bound on another register than
     * the one it then adds, or adds before checking; the kernel refuses all three.
     */
    LLVMValueRef opaque(LLVMValueRef v, LLVMTypeRef t) {
        LLVMTypeRef type = LLVMFunctionType(t, ModuleLowering.one(t), 1, 0);
        LLVMValueRef asm = LLVMGetInlineAsm(type, "", 0, "=r,0", 4, 1, 0, LLVMInlineAsmDialectATT, 0);
        return LLVMBuildCall2(b, type, asm, ModuleLowering.one(v), 1, "");
    }

    /** BPF masks shift counts to the operand width; LLVM leaves larger counts undefined. */
    LLVMValueRef shiftCount(LLVMValueRef count, LLVMTypeRef t, int bits) {
        return LLVMBuildAnd(b, count, LLVMConstInt(t, bits - 1, 0), "");
    }

    /**
     * BPF division never traps: x / 0 is 0, x % 0 is x, and the signed MIN / -1 is MIN (MIN % -1 is 0). LLVM leaves
     * those undefined, so the divisor is replaced by 1 where BPF's rule applies and the result chosen afterwards.
     */
    LLVMValueRef division(boolean div, boolean signed, LLVMValueRef x, LLVMValueRef y, LLVMTypeRef t) {
        if (LLVMIsConstant(y) == 0) return nativeDivision(div, signed, x, y, t);
        LLVMValueRef zero = LLVMConstInt(t, 0, 0), one = LLVMConstInt(t, 1, 0), minusOne = LLVMConstAllOnes(t);
        LLVMValueRef byZero = LLVMBuildICmp(b, LLVMIntEQ, y, zero, "");
        LLVMValueRef byMinusOne = signed ? LLVMBuildICmp(b, LLVMIntEQ, y, minusOne, "") : null;
        LLVMValueRef special = signed ? LLVMBuildOr(b, byZero, byMinusOne, "") : byZero;
        LLVMValueRef safe = LLVMBuildSelect(b, special, one, y, "");
        LLVMValueRef q = div ? (signed ? LLVMBuildSDiv(b, x, safe, "") : LLVMBuildUDiv(b, x, safe, ""))
                : (signed ? LLVMBuildSRem(b, x, safe, "") : LLVMBuildURem(b, x, safe, ""));
        if (signed) {
            // x / -1 is -x (wrapping, so MIN stays MIN) and x % -1 is 0
            q = LLVMBuildSelect(b, byMinusOne, div ? LLVMBuildNeg(b, x, "") : zero, q, "");
        }
        return LLVMBuildSelect(b, byZero, div ? zero : x, q, "");
    }

    /**
     * A division by a register as the one BPF instruction that has BPF's rule already: LLVM, which would guard the
     * divisor with selects, turns each into a test of its own, and a test repeated after an earlier one decided it
     * makes the kernel track the divisor exactly; a loop whose divisor changes then never settles for the verifier.
     */
    private LLVMValueRef nativeDivision(boolean div, boolean signed, LLVMValueRef x, LLVMValueRef y, LLVMTypeRef t) {
        String reg = LLVMGetIntTypeWidth(t) == 64 ? "r" : "w", text = "$0 " + (signed ? "s" : "") + (div ? "/=" : "%=") + " $2";
        String constraints = "=" + reg + ",0," + reg;
        LLVMTypeRef type = LLVMFunctionType(t, new PointerPointer<>(t, t), 2, 0);
        LLVMValueRef asm = LLVMGetInlineAsm(type, text, text.length(), constraints, constraints.length(), 0, 0, LLVMInlineAsmDialectATT, 0);
        return LLVMBuildCall2(b, type, asm, new PointerPointer<>(x, y), 2, "");
    }
}
