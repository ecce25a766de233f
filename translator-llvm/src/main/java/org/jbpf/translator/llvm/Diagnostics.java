package org.jbpf.translator.llvm;

import static org.bytedeco.llvm.global.LLVM.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.llvm.LLVM.LLVMContextRef;
import org.bytedeco.llvm.LLVM.LLVMDiagnosticHandler;
import org.bytedeco.llvm.LLVM.LLVMDiagnosticInfoRef;

/**
 * Collects the errors LLVM reports while compiling (the BPF target reports what it cannot express this way). Without
 * a handler LLVM prints them and exits the process, which would end the JVM.
 */
final class Diagnostics extends LLVMDiagnosticHandler {
    /** LLVM's form of a located error: {@code P.java:12:0: in function run i64 (ptr): text}. */
    private static final Pattern LOCATED = Pattern.compile("(\\S+?):(\\d+):\\d+: in function (\\S+) [^:]*: (.*)", Pattern.DOTALL);
    private static final String STACK = "Looks like the BPF stack limit is exceeded";

    final List<String> errors = new ArrayList<>();

    static Diagnostics install(LLVMContextRef context) {
        Diagnostics d = new Diagnostics();
        LLVMContextSetDiagnosticHandler(context, d, null);
        return d;
    }

    /**
     * One line for the errors of a compile: each distinct complaint once, at the first Java line LLVM gives for it
     * (it repeats one for every instruction that touches the frame), in jbpf's words where jbpf knows the cause.
     */
    String summary() {
        Map<String, String> where = new LinkedHashMap<>();
        for (String e : errors) {
            Matcher m = LOCATED.matcher(e.trim());
            String text = m.matches() ? m.group(4).trim() : e.trim();
            if (text.startsWith(STACK))
                text = "program " + (m.matches() ? m.group(3) : "") + " needs more than the 512 bytes of BPF stack LLVM's code may use; use fewer or"
                        + " smaller local structs, or keep data in a per-CPU array map";
            String at = m.matches() && !m.group(1).equals("<unknown>") ? m.group(1) + ":" + m.group(2) + ": " : "";
            where.merge(text, at, (first, next) -> first.isEmpty() ? next : first);
        }
        List<String> lines = new ArrayList<>();
        where.forEach((text, at) -> lines.add(at + text));
        return String.join("; ", lines);
    }

    @Override public void call(LLVMDiagnosticInfoRef info, Pointer unused) {
        if (LLVMGetDiagInfoSeverity(info) != LLVMDSError) return;
        BytePointer text = LLVMGetDiagInfoDescription(info);
        errors.add(text.getString());
        LLVMDisposeMessage(text);
    }
}
