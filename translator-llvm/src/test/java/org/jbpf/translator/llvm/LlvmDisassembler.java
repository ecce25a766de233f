package org.jbpf.translator.llvm;

import static org.bytedeco.llvm.global.LLVM.*;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.llvm.LLVM.LLVMDisasmContextRef;
import org.jbpf.core.asm.Disassembler;
import org.jbpf.core.asm.Insn;

/**
 * LLVM's BPF disassembler (ISA v4 with 32-bit subregisters) on single encoded instructions, and a normal form in
 * which its notation and jbpf's {@link Disassembler} agree: LLVM writes {@code (r10 - 8)}, {@code goto +2},
 * {@code call 14}, decimal immediates and {@code w1 = *(u32 *)..} where jbpf writes {@code (r10 -8)}, {@code goto pc+2},
 * {@code call bpf_get_current_pid_tgid#14}, hex compare operands and {@code r1 = *(u32 *)..}.
 */
final class LlvmDisassembler implements AutoCloseable {
    private final LLVMDisasmContextRef context;

    LlvmDisassembler() {
        LlvmTarget.initialize();
        context = LLVMCreateDisasmCPUFeatures("bpfel", "v4", "+alu32", null, 0, null, null);
        if (context == null || context.isNull()) throw new IllegalStateException("LLVM has no BPF disassembler");
    }

    /** LLVM's text for one instruction, normalised; "<undecodable>" when LLVM does not take the bytes. */
    String llvm(Insn in) {
        byte[] code = Insn.encode(List.of(in));
        BytePointer bytes = new BytePointer(code);
        BytePointer out = new BytePointer(256);
        long used = LLVMDisasmInstruction(context, bytes, code.length, 0, out, 256);
        byte[] text = new byte[256];
        out.get(text);
        int end = 0;
        while (end < text.length && text[end] != 0) end++;
        if (used != code.length) return "<undecodable: LLVM used " + used + " of " + code.length + " bytes>";
        return normaliseLlvm(new String(text, 0, end));
    }

    /** jbpf's text for the same instruction in the common normal form. */
    static String jbpf(Insn in) {
        if (in.isLdImm64() && in.src() != 0) return "ld_pseudo r" + in.dst() + ", " + in.src() + ", " + (int) in.imm();
        String s = Disassembler.format(in);
        s = replace(s, "call [^#\\s]+#(\\d+)$", m -> "call " + m.group(1));
        s = replace(s, "call pc([+-]\\d+)$", m -> "call " + Integer.parseInt(m.group(1)));
        s = replace(s, "^(if .*) 0x([0-9a-f]+) goto", m -> m.group(1) + " " + (int) Long.parseLong(m.group(2), 16) + " goto");
        s = replace(s, "= 0x([0-9a-f]+) ll$", m -> "= " + Long.parseUnsignedLong(m.group(1), 16) + " ll");
        return s;
    }

    static String normaliseLlvm(String t) {
        String s = t.replace('\t', ' ').strip().replaceAll("\\s+", " ");
        s = replace(s, "(\\w+) = (cmpxchg|xchg)(?:32)?_(32|64)\\((r\\d+) ([+-]) (\\d+), ",
                m -> m.group(1) + " = " + m.group(2) + "(*(u" + m.group(3) + " *)(" + m.group(4) + " " + m.group(5) + m.group(6) + "), ");
        s = s.replace("atomic_fetch_add((", "atomic_fetch_add(*(").replace("atomic_fetch_and((", "atomic_fetch_and(*(")
                .replace("atomic_fetch_or((", "atomic_fetch_or(*(").replace("atomic_fetch_xor((", "atomic_fetch_xor(*(");
        s = replace(s, "\\((r\\d+) ([+-]) (\\d+)\\)", m -> "(" + m.group(1) + " " + m.group(2) + m.group(3) + ")");
        s = replace(s, "(gotol?) ([+-]\\d+)", m -> m.group(1) + " pc" + m.group(2));
        // with 32-bit subregisters LLVM names narrow loads and stores by wN; the encoding is the same as for rN
        s = replace(s, "^w(\\d+) = \\*\\(u(8|16|32) \\*\\)", m -> "r" + m.group(1) + " = *(u" + m.group(2) + " *)");
        s = replace(s, "^(\\*\\(u(?:8|16|32) \\*\\)\\(r\\d+ [+-]\\d+\\)) = w(\\d+)$", m -> m.group(1) + " = r" + m.group(2));
        return s;
    }

    private static String replace(String s, String regex, java.util.function.Function<Matcher, String> f) {
        Matcher m = Pattern.compile(regex).matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) m.appendReplacement(sb, Matcher.quoteReplacement(f.apply(m)));
        m.appendTail(sb);
        return sb.toString();
    }

    @Override public void close() { LLVMDisasmDispose(context); }
}
