package org.jbpf.translator.llvm;

import static org.bytedeco.llvm.global.LLVM.*;
import static org.jbpf.core.asm.Opcodes.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.llvm.LLVM.LLVMBasicBlockRef;
import org.bytedeco.llvm.LLVM.LLVMBuilderRef;
import org.bytedeco.llvm.LLVM.LLVMMetadataRef;
import org.bytedeco.llvm.LLVM.LLVMTypeRef;
import org.bytedeco.llvm.LLVM.LLVMValueRef;
import org.jbpf.core.asm.SourceLine;
import org.jbpf.translator.TranslationException;
import org.jbpf.translator.mir.MirInstruction;
import org.jbpf.translator.mir.MirProgram;
import org.jbpf.translator.mir.PacketContexts;

/**
 * Lowers one {@link MirProgram} into an LLVM function {@code i64 name(ptr ctx)}, or a BPF function it calls into
 * {@code i64 name(i64, ..)}. Every BPF register, virtual or
 * physical, becomes an i64 stack slot that LLVM's mem2reg/SROA turn into SSA values; the r10 frame is one byte array
 * addressed relative to its end, as r10 points just past the frame.
 */
final class FunctionLowering {
    private final ModuleLowering m;
    private final MirProgram program;
    /** The program's code with each web of a virtual register in a register of its own ({@link RegisterWebs}). */
    private final List<MirInstruction> code;
    private final LLVMBuilderRef b;
    private final LLVMValueRef function;
    private final Map<Integer, LLVMValueRef> registers = new HashMap<>();
    private final Map<Integer, LLVMBasicBlockRef> labels = new HashMap<>();
    private final Set<Integer> addressRegisters;
    private final Set<Integer> indexRegisters;
    /** The registers that may hold a packet's end ({@link AddressRegisters#packetEnds}). */
    private final Set<Integer> packetEnds;
    /** The registers holding a program's context, with the packet's start in it ({@link PacketContexts#packetStarts}). */
    private final Map<Integer, Integer> contexts;
    private final boolean[] loopTests;
    private final Arithmetic arithmetic;
    private LLVMBasicBlockRef entry;
    private LLVMValueRef frame;
    private int index;

    private final DebugInfo debug;
    private LLVMMetadataRef scope;

    /** The program's BPF functions by their MIR name, for calls and loop bodies. */
    private final Map<String, LLVMValueRef> functions;

    FunctionLowering(ModuleLowering module, MirProgram program, String llvmName, Map<String, LLVMValueRef> functions, DebugInfo debug) {
        this.m = module;
        this.debug = debug;
        this.program = program;
        this.functions = functions;
        this.b = module.builder;
        this.code = RegisterWebs.split(program.code());
        this.addressRegisters = AddressRegisters.of(code);
        this.indexRegisters = AddressRegisters.indexes(code, addressRegisters);
        this.packetEnds = AddressRegisters.packetEnds(code);
        this.contexts = PacketContexts.packetStarts(code);
        this.loopTests = LoopTests.of(code);
        this.arithmetic = new Arithmetic(module);
        if (program.isFunction()) {
            // a BPF function: i64 name(i64 r1, ..), static in .text, called rather than inlined
            LLVMTypeRef type = LLVMFunctionType(m.i64, new PointerPointer<>(i64s(program.parameters())), program.parameters(), 0);
            this.function = LLVMAddFunction(m.module, llvmName, type);
            LLVMSetLinkage(function, LLVMInternalLinkage);
            attribute("noinline");
        } else {
            LLVMTypeRef type = LLVMFunctionType(m.i64, ModuleLowering.one(m.ptr), 1, 0);
            this.function = LLVMAddFunction(m.module, llvmName, type);
            LLVMSetSection(function, program.section());
            LLVMSetLinkage(function, LLVMExternalLinkage);
        }
        // BPF programs never unwind; without this LLVM adds an .eh_frame section libbpf has to skip
        attribute("nounwind");
    }

    LLVMValueRef function() { return function; }

    private void attribute(String name) {
        int kind = LLVMGetEnumAttributeKindForName(name, name.length());
        LLVMAddAttributeAtIndex(function, LLVMAttributeFunctionIndex, LLVMCreateEnumAttribute(m.context, kind, 0));
    }

    private LLVMTypeRef[] i64s(int n) {
        LLVMTypeRef[] t = new LLVMTypeRef[n];
        java.util.Arrays.fill(t, m.i64);
        return t;
    }

    void lower() {
        scope = debug.subprogram(function, program);
        SourceLine first = null;
        for (MirInstruction in : program.code()) if (in.line() != null) { first = in.line(); break; }
        debug.at(scope, first != null ? first : new SourceLine("", 0));
        entry = LLVMAppendBasicBlockInContext(m.context, function, "entry");
        LLVMPositionBuilderAtEnd(b, entry);
        frame = LLVMBuildAlloca(b, LLVMArrayType(m.i8, Math.max(8, program.frameBytes())), "frame");
        LLVMSetAlignment(frame, 8);
        if (program.isFunction()) {
            for (int k = 0; k < program.parameters(); k++) write(R1 + k, LLVMGetParam(function, k));
        } else {
            write(R1, LLVMBuildPtrToInt(b, LLVMGetParam(function, 0), m.i64, "ctx"));
        }
        LLVMBasicBlockRef body = LLVMAppendBasicBlockInContext(m.context, function, "body");
        LLVMBuildBr(b, body);
        LLVMPositionBuilderAtEnd(b, body);
        for (index = 0; index < code.size(); index++) {
            MirInstruction in = code.get(index);
            if (in.isLabel()) {
                LLVMBasicBlockRef block = label(in.labelId());
                if (!terminated()) LLVMBuildBr(b, block);
                LLVMPositionBuilderAtEnd(b, block);
                continue;
            }
            if (terminated()) LLVMPositionBuilderAtEnd(b, LLVMAppendBasicBlockInContext(m.context, function, "dead"));
            if (in.line() != null) debug.at(scope, in.line());
            if (frameAddress(in, index + 1 < code.size() ? code.get(index + 1) : null)) { index++; continue; }
            lower(in);
        }
        if (!terminated()) LLVMBuildUnreachable(b);
    }

    private boolean terminated() {
        LLVMBasicBlockRef block = LLVMGetInsertBlock(b);
        return LLVMGetBasicBlockTerminator(block) != null;
    }

    private LLVMBasicBlockRef label(int id) {
        return labels.computeIfAbsent(id, k -> LLVMAppendBasicBlockInContext(m.context, function, "L" + k));
    }

    // ---- registers ------------------------------------------------------------------------------

    private LLVMValueRef slot(int reg) {
        return registers.computeIfAbsent(reg, r -> {
            LLVMBasicBlockRef here = LLVMGetInsertBlock(b);
            LLVMValueRef first = LLVMGetFirstInstruction(entry);
            LLVMPositionBuilderBefore(b, first);
            LLVMValueRef a = LLVMBuildAlloca(b, m.i64, "r" + r);
            LLVMPositionBuilderAtEnd(b, here);
            return a;
        });
    }

    private LLVMValueRef read(int reg) {
        if (reg == R10) return LLVMBuildPtrToInt(b, frameAt(0), m.i64, "fp");
        return LLVMBuildLoad2(b, m.i64, slot(reg), "");
    }

    private void write(int reg, LLVMValueRef value64) {
        if (reg == R10) throw error("writes r10, the read-only frame pointer");
        LLVMBuildStore(b, value64, slot(reg));
    }

    /** The address {@code r10 + off}: a byte of the frame array. */
    private LLVMValueRef frameAt(int off) {
        LLVMValueRef idx = LLVMConstInt(m.i64, Math.max(8, program.frameBytes()) + (long) off, 1);
        return LLVMBuildGEP2(b, m.i8, frame, ModuleLowering.one(idx), 1, "");
    }

    /** The address {@code base + off}; r10-relative addresses stay on the frame array so SROA can see them. */
    private LLVMValueRef address(int base, int off) {
        if (base == R10) return frameAt(off);
        LLVMValueRef p = LLVMBuildIntToPtr(b, read(base), m.ptr, "");
        if (off == 0) return p;
        return LLVMBuildGEP2(b, m.i8, p, ModuleLowering.one(LLVMConstInt(m.i64, off, 1)), 1, "");
    }

    /**
     * {@code rX = r10; rX += off} is the address of a frame slot: lowered as that slot's address, so LLVM sees which
     * stack object a helper argument points into instead of integer arithmetic on the frame pointer.
     */
    private boolean frameAddress(MirInstruction in, MirInstruction next) {
        if (next == null || next.isLabel() || in.opcode() != (ALU64 | MOV | X) || in.src() != R10 || in.off() != 0) return false;
        if (next.opcode() != (ALU64 | ADD | K) || next.dst() != in.dst()) return false;
        write(in.dst(), LLVMBuildPtrToInt(b, frameAt((int) next.imm()), m.i64, ""));
        return true;
    }

    // ---- instructions ---------------------------------------------------------------------------

    private void lower(MirInstruction in) {
        int opc = in.opcode();
        switch (cls(opc)) {
            case ALU64 -> alu(in, true);
            case ALU -> alu(in, false);
            case LDX -> load(in);
            case ST, STX -> store(in);
            case LD -> ldImm64(in);
            case JMP, JMP32 -> jump(in);
            default -> throw error("has an instruction class this backend does not lower");
        }
    }

    private LLVMTypeRef width(boolean alu64) { return alu64 ? m.i64 : m.i32; }

    private LLVMValueRef imm(MirInstruction in, boolean alu64) {
        return alu64 ? LLVMConstInt(m.i64, (int) in.imm(), 1) : LLVMConstInt(m.i32, (int) in.imm() & 0xffffffffL, 0);
    }

    private LLVMValueRef operand(int reg, boolean alu64) {
        LLVMValueRef v = read(reg);
        return alu64 ? v : LLVMBuildTrunc(b, v, m.i32, "");
    }

    private void alu(MirInstruction in, boolean alu64) {
        if (CoreMarks.isMark(in)) { write(in.dst(), m.core.alu(m, b, marked(), op(in.opcode()) == MOV ? null : read(in.dst()))); return; }
        int op = op(in.opcode());
        LLVMTypeRef t = width(alu64);
        boolean reg = source(in.opcode()) == X;
        if (op == END) { write(in.dst(), byteSwap(in, alu64)); return; }
        LLVMValueRef src = op == NEG ? null : reg ? operand(in.src(), alu64) : imm(in, alu64);
        LLVMValueRef result;
        if (op == MOV) {
            result = src;
            if (reg && in.off() != 0) {
                LLVMTypeRef narrow = LLVMIntTypeInContext(m.context, in.off());
                result = LLVMBuildSExt(b, LLVMBuildTrunc(b, src, narrow, ""), t, "");
            }
        } else {
            LLVMValueRef dst = operand(in.dst(), alu64);
            if (op == ADD && alu64 && reg) {
                // an aligned address plus an index: the index's bits are hidden so LLVM keeps the addition an add
                if (addressRegisters.contains(in.dst())) src = arithmetic.opaque(src, m.i64);
                else if (addressRegisters.contains(in.src())) dst = arithmetic.opaque(dst, m.i64);
            } else if (op == ADD && alu64 && addressRegisters.contains(in.dst()) && in.imm() % 8 != 0) {
                // an aligned address (a stack copy, or null) plus a field's offset below its alignment: LLVM would
                // make it an or, which the kernel refuses on a pointer
                dst = arithmetic.opaque(dst, m.i64);
            }
            // an index's mask is its bound for the kernel: LLVM would drop it where it proves the value already fits.
            // A register that also held an address elsewhere may be an index here (the kernel refuses & on a pointer)
            if (op == AND && (indexRegisters.contains(in.dst()) || addressRegisters.contains(in.dst()))) dst = arithmetic.opaque(dst, t);
            int bits = alu64 ? 64 : 32;
            result = switch (op) {
                case ADD -> LLVMBuildAdd(b, dst, src, "");
                case SUB -> LLVMBuildSub(b, dst, src, "");
                case MUL -> LLVMBuildMul(b, dst, src, "");
                case OR -> LLVMBuildOr(b, dst, src, "");
                case AND -> LLVMBuildAnd(b, dst, src, "");
                case XOR -> LLVMBuildXor(b, dst, src, "");
                case NEG -> LLVMBuildNeg(b, dst, "");
                case LSH -> LLVMBuildShl(b, dst, arithmetic.shiftCount(src, t, bits), "");
                case RSH -> LLVMBuildLShr(b, dst, arithmetic.shiftCount(src, t, bits), "");
                case ARSH -> LLVMBuildAShr(b, dst, arithmetic.shiftCount(src, t, bits), "");
                case DIV, MOD -> arithmetic.division(op == DIV, in.off() == 1, dst, src, t);
                default -> throw error("has an ALU operation this backend does not lower");
            };
        }
        // a difference of two addresses (the packet's length, end - data) is a number LLVM must not see into: it would
        // fold what follows into the addresses (~(end - data) as data + ~end), arithmetic the kernel refuses on a pointer
        // (in 32 bits, ctx.length(), it is hidden once zero-extended, which the 32-bit subtraction does for nothing)
        boolean difference = op == SUB && reg && (addressRegisters.contains(in.src()) || packetEnds.contains(in.src()));
        if (difference && alu64) result = arithmetic.opaque(result, m.i64);
        // an index widened here is widened by an instruction of its own, which tells the kernel its high bits
        boolean index = indexRegisters.contains(in.dst());
        if (index && !alu64) result = arithmetic.opaque(result, m.i32);
        LLVMValueRef value = alu64 ? result : LLVMBuildZExt(b, result, m.i64, "");
        if (difference && !alu64) value = arithmetic.opaque(value, m.i64);
        if (index && op == MOV && reg && in.off() != 0) value = arithmetic.opaque(value, m.i64);
        write(in.dst(), value);
    }

    private LLVMValueRef byteSwap(MirInstruction in, boolean alu64) {
        int bits = (int) in.imm();
        if (bits != 16 && bits != 32 && bits != 64) throw error("swaps " + bits + " bits; BPF knows 16, 32 and 64");
        LLVMTypeRef t = LLVMIntTypeInContext(m.context, bits);
        LLVMValueRef v = read(in.dst());
        LLVMValueRef narrow = bits == 64 ? v : LLVMBuildTrunc(b, v, t, "");
        boolean swap = alu64 || source(in.opcode()) == TO_BE; // the target is little-endian: to-LE only truncates
        LLVMValueRef r = swap ? m.call("llvm.bswap", t, narrow) : narrow;
        return bits == 64 ? r : LLVMBuildZExt(b, r, m.i64, "");
    }

    private void load(MirInstruction in) {
        if (CoreMarks.isMark(in)) { write(in.dst(), m.core.load(m, b, marked(), read(in.src()))); return; }
        int mode = mode(in.opcode());
        if (mode != MEM && mode != MEMSX) throw error("uses a load mode this backend does not lower");
        LLVMTypeRef t = LLVMIntTypeInContext(m.context, sizeBytes(in.opcode()) * 8);
        LLVMValueRef loaded = LLVMBuildLoad2(b, t, address(in.src(), in.off()), ""), v = loaded;
        LLVMSetAlignment(v, sizeBytes(in.opcode())); // BPF has no unaligned access; LLVM would split it into bytes
        if (sizeBytes(in.opcode()) < 8) v = mode == MEMSX ? LLVMBuildSExt(b, v, m.i64, "") : LLVMBuildZExt(b, v, m.i64, "");
        if (AddressRegisters.loadsPacketPointer(in, contexts)) {
            // the kernel makes a 64-bit pointer of this 32-bit field and refuses to spill it in 32 bits: LLVM, which
            // sees a 32-bit value, would load it once, keep it in a 32-bit register and spill it so. Each load stays
            // where it is (volatile) and its value is 64 bits LLVM cannot narrow.
            LLVMSetVolatile(loaded, 1);
            v = arithmetic.opaque(v, m.i64);
        }
        write(in.dst(), v);
    }

    private void store(MirInstruction in) {
        int size = sizeBytes(in.opcode());
        LLVMTypeRef t = LLVMIntTypeInContext(m.context, size * 8);
        if (mode(in.opcode()) == ATOMIC) { atomic(in, t, size); return; }
        if (mode(in.opcode()) != MEM) throw error("uses a store mode this backend does not lower");
        LLVMValueRef value = cls(in.opcode()) == ST ? LLVMConstInt(t, in.imm(), 1) : narrow(read(in.src()), t, size);
        LLVMValueRef s = LLVMBuildStore(b, value, address(in.dst(), in.off()));
        LLVMSetAlignment(s, size);
    }

    private LLVMValueRef narrow(LLVMValueRef v, LLVMTypeRef t, int size) {
        return size == 8 ? v : LLVMBuildTrunc(b, v, t, "");
    }

    private LLVMValueRef widen(LLVMValueRef v, int size) {
        return size == 8 ? v : LLVMBuildZExt(b, v, m.i64, "");
    }

    private void atomic(MirInstruction in, LLVMTypeRef t, int size) {
        int aop = (int) in.imm();
        LLVMValueRef p = address(in.dst(), in.off());
        LLVMValueRef v = narrow(read(in.src()), t, size);
        if (aop == CMPXCHG) {
            LLVMValueRef pair = LLVMBuildAtomicCmpXchg(b, p, narrow(read(R0), t, size), v,
                    LLVMAtomicOrderingSequentiallyConsistent, LLVMAtomicOrderingSequentiallyConsistent, 0);
            write(R0, widen(LLVMBuildExtractValue(b, pair, 0, ""), size));
            return;
        }
        int rmw = switch (aop & ~FETCH) {
            case ADD -> LLVMAtomicRMWBinOpAdd;
            case AND -> LLVMAtomicRMWBinOpAnd;
            case OR -> LLVMAtomicRMWBinOpOr;
            case XOR -> LLVMAtomicRMWBinOpXor;
            case XCHG & ~FETCH -> LLVMAtomicRMWBinOpXchg;
            default -> throw error("uses atomic operation " + aop + ", which this backend does not lower");
        };
        LLVMValueRef old = LLVMBuildAtomicRMW(b, rmw, p, v, LLVMAtomicOrderingSequentiallyConsistent, 0);
        if ((aop & FETCH) != 0) write(in.src(), widen(old, size));
    }

    private void ldImm64(MirInstruction in) {
        if (in.opcode() != (LD | IMM | DW)) throw error("uses a legacy packet load this backend does not lower");
        if (in.reference() != null && in.src() == PSEUDO_FUNC) {
            write(in.dst(), LLVMBuildPtrToInt(b, callee(in), m.i64, ""));   // a loop body's address
        } else if (in.reference() != null) {
            if (in.src() == PSEUDO_MAP_VALUE) {
                write(in.dst(), LLVMBuildPtrToInt(b, m.dataAddress(in.reference(), in.imm() >>> 32, program), m.i64, ""));
                return;
            }
            if (in.src() != PSEUDO_MAP_FD) throw error("loads the address of " + in.reference() + " in a way this backend does not lower");
            write(in.dst(), LLVMBuildPtrToInt(b, m.map(in.reference(), program), m.i64, ""));
        } else {
            write(in.dst(), LLVMConstInt(m.i64, in.imm(), 0));
        }
    }

    private void jump(MirInstruction in) {
        int op = op(in.opcode());
        if (op == EXIT) { LLVMBuildRet(b, read(R0)); return; }
        if (op == CALL) { call(in); return; }
        if (op == JA) { LLVMBuildBr(b, label(in.targetId())); return; }
        boolean alu64 = cls(in.opcode()) == JMP;
        // an index is checked and then used as one value: LLVM must not check another register it derives it from;
        // a loop's test stays on the register it tests (LoopTests)
        // (a 32-bit test of either stays one: ModuleLowering.compare)
        boolean held = indexRegisters.contains(in.dst()) || loopTests[index];
        if (held) write(in.dst(), arithmetic.opaque(read(in.dst()), m.i64));
        LLVMValueRef x = operand(in.dst(), alu64);
        LLVMValueRef y = source(in.opcode()) == X ? operand(in.src(), alu64) : imm(in, alu64);
        // a packet pointer's test against the packet's end stays as written: LLVM would make p + 1 > end of p >= end,
        // from which the kernel learns nothing of what p may read
        if (source(in.opcode()) == X && alu64 && !held) {
            if (packetEnds.contains(in.src())) x = arithmetic.opaque(x, m.i64);
            else if (packetEnds.contains(in.dst())) y = arithmetic.opaque(y, m.i64);
        }
        LLVMValueRef cond = op == JSET
                ? LLVMBuildICmp(b, LLVMIntNE, LLVMBuildAnd(b, x, y, ""), LLVMConstInt(width(alu64), 0, 0), "")
                : held && !alu64 ? m.compare(predicate(op), x, y) : LLVMBuildICmp(b, predicate(op), x, y, "");
        LLVMBasicBlockRef next = LLVMAppendBasicBlockInContext(m.context, function, "");
        LLVMBuildCondBr(b, cond, label(in.targetId()), next);
        LLVMPositionBuilderAtEnd(b, next);
    }

    private int predicate(int op) {
        return switch (op) {
            case JEQ -> LLVMIntEQ;
            case JNE -> LLVMIntNE;
            case JGT -> LLVMIntUGT;
            case JGE -> LLVMIntUGE;
            case JLT -> LLVMIntULT;
            case JLE -> LLVMIntULE;
            case JSGT -> LLVMIntSGT;
            case JSGE -> LLVMIntSGE;
            case JSLT -> LLVMIntSLT;
            case JSLE -> LLVMIntSLE;
            default -> throw error("uses a jump condition this backend does not lower");
        };
    }

    /**
     * A helper call is a call through the helper's number as an address, which LLVM's BPF target emits as {@code call N};
     * a kfunc is a call of an external function of its name, which it emits as a relocated call of an undefined symbol.
     */
    private void call(MirInstruction in) {
        if (in.src() != 0 && in.src() != PSEUDO_CALL && in.src() != PSEUDO_KFUNC_CALL)
            throw error("calls with pseudo source " + in.src() + "; only helpers, kfuncs and BPF functions are lowered");
        int n = in.callArgs();
        LLVMTypeRef[] params = new LLVMTypeRef[n];
        LLVMValueRef[] args = new LLVMValueRef[n];
        for (int k = 0; k < n; k++) { params[k] = m.i64; args[k] = read(R1 + k); }
        LLVMTypeRef type = LLVMFunctionType(m.i64, new PointerPointer<>(params), n, 0);
        LLVMValueRef target = in.src() == PSEUDO_CALL ? callee(in) : in.src() == PSEUDO_KFUNC_CALL ? kernelFunction(in, type)
                : LLVMConstIntToPtr(LLVMConstInt(m.i64, in.imm(), 0), m.ptr);
        LLVMValueRef r = LLVMBuildCall2(b, type, target, new PointerPointer<>(args), n, "");
        write(R0, r);
    }

    /** The external declaration of the kernel function a kfunc call names, made on first use. */
    private LLVMValueRef kernelFunction(MirInstruction in, LLVMTypeRef type) {
        LLVMValueRef f = LLVMGetNamedFunction(m.module, in.reference());
        return f != null && !f.isNull() ? f : LLVMAddFunction(m.module, in.reference(), type);
    }

    /** The BPF function an instruction names (a call or a loop body's address). */
    private LLVMValueRef callee(MirInstruction in) {
        LLVMValueRef f = functions.get(in.reference());
        if (f == null) throw error("refers to function " + in.reference() + ", which the program does not have");
        return f;
    }

    /** The program's own instruction at this position: CoreMarks knows the marked instructions, not their renamed copies. */
    private MirInstruction marked() { return program.code().get(index); }

    private TranslationException error(String what) {
        MirInstruction in = code.get(index);
        String where = in.line() != null ? in.line().file() + ":" + in.line().line() + ": " : "";
        return new TranslationException(where + "program " + program.name() + " " + what + " (instruction " + index
                + ", opcode 0x" + Integer.toHexString(in.opcode()) + ")");
    }
}
