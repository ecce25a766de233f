package org.jbpf.translator.llvm;

import static org.bytedeco.llvm.global.LLVM.*;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.llvm.LLVM.LLVMErrorRef;
import org.bytedeco.llvm.LLVM.LLVMMemoryBufferRef;
import org.bytedeco.llvm.LLVM.LLVMModuleRef;
import org.bytedeco.llvm.LLVM.LLVMPassBuilderOptionsRef;
import org.bytedeco.llvm.LLVM.LLVMTargetMachineRef;
import org.bytedeco.llvm.LLVM.LLVMTargetRef;
import org.jbpf.translator.TranslationException;

/** LLVM's BPF target: checks, optimizes ({@code default<O2>}) and emits a module as a little-endian BPF ELF object. */
final class LlvmTarget {
    static final String TRIPLE = "bpfel";
    /** ISA v4 for signed division, sign-extending moves and loads, which the translator's MIR uses. */
    static final String CPU = "v4";

    private static boolean initialized;

    static synchronized void initialize() {
        if (initialized) return;
        LLVMInitializeBPFTargetInfo();
        LLVMInitializeBPFTarget();
        LLVMInitializeBPFTargetMC();
        LLVMInitializeBPFAsmPrinter();
        LLVMInitializeBPFAsmParser();   // the inline assembly of CO-RE reads (CoreMarks)
        LLVMInitializeBPFDisassembler();
        // a loop's exit value in closed form (n * (n - 1) / 2 of a nested sum) needs a 65-bit multiply, which the
        // BPF target can only call __multi3 for and then refuses; the loop computing it is what the kernel runs anyway
        String[] args = {"jbpf", "-replexitval=never"};
        LLVMParseCommandLineOptions(args.length, new PointerPointer<>(args), new BytePointer(""));
        initialized = true;
    }

    static byte[] compile(LLVMModuleRef module, String objectName) {
        initialize();
        BytePointer message = new BytePointer((BytePointer) null);
        if (LLVMVerifyModule(module, LLVMReturnStatusAction, message) != 0) {
            String text = message.getString();
            LLVMDisposeMessage(message);
            throw new TranslationException("internal error: LLVM rejects the IR of " + objectName + ": " + text.strip()
                    + "; please report this with the class file");
        }
        LLVMTargetRef target = new LLVMTargetRef();
        BytePointer error = new BytePointer((BytePointer) null);
        if (LLVMGetTargetFromTriple(new BytePointer(TRIPLE), target, error) != 0)
            throw new TranslationException("this LLVM has no BPF target: " + error.getString());
        LLVMTargetMachineRef machine = LLVMCreateTargetMachine(target, TRIPLE, CPU, "", LLVMCodeGenLevelDefault,
                LLVMRelocDefault, LLVMCodeModelDefault);
        try {
            LLVMSetTarget(module, TRIPLE);
            LLVMSetModuleDataLayout(module, LLVMCreateTargetDataLayout(machine));
            LLVMPassBuilderOptionsRef options = LLVMCreatePassBuilderOptions();
            LLVMErrorRef failed = LLVMRunPasses(module, "default<O2>", machine, options);
            LLVMDisposePassBuilderOptions(options);
            if (failed != null) {
                BytePointer m = LLVMGetErrorMessage(failed);
                String text = m.getString();
                LLVMDisposeErrorMessage(m);
                throw new TranslationException("LLVM optimization of " + objectName + " failed: " + text);
            }
            LLVMMemoryBufferRef buffer = new LLVMMemoryBufferRef();
            if (LLVMTargetMachineEmitToMemoryBuffer(machine, module, LLVMObjectFile, error, buffer) != 0)
                throw new TranslationException("LLVM's BPF target could not emit " + objectName + ": " + error.getString());
            try {
                byte[] bytes = new byte[(int) LLVMGetBufferSize(buffer)];
                LLVMGetBufferStart(buffer).capacity(bytes.length).get(bytes);
                return bytes;
            } finally {
                LLVMDisposeMemoryBuffer(buffer);
            }
        } finally {
            LLVMDisposeTargetMachine(machine);
        }
    }

    /** The module as LLVM IR text, for debugging a lowering. */
    static String print(LLVMModuleRef module) {
        BytePointer text = LLVMPrintModuleToString(module);
        String s = text.getString();
        LLVMDisposeMessage(text);
        return s;
    }

    private LlvmTarget() {}
}
