package org.jbpf.translator.llvm;

import static org.bytedeco.llvm.global.LLVM.*;

import java.util.ArrayList;
import java.util.List;
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
    final List<String> errors = new ArrayList<>();

    static Diagnostics install(LLVMContextRef context) {
        Diagnostics d = new Diagnostics();
        LLVMContextSetDiagnosticHandler(context, d, null);
        return d;
    }

    @Override public void call(LLVMDiagnosticInfoRef info, Pointer unused) {
        if (LLVMGetDiagInfoSeverity(info) != LLVMDSError) return;
        BytePointer text = LLVMGetDiagInfoDescription(info);
        errors.add(text.getString());
        LLVMDisposeMessage(text);
    }
}
