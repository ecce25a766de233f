package org.jbpf.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.List;
import org.jbpf.BPF;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.translator.Translator;
import org.jbpf.translator.llvm.LlvmBackend;
import org.junit.jupiter.api.Assumptions;

/** The two code generators every behaviour test runs with: the built-in one and LLVM's BPF target. */
public enum Backend {
    DIRECT, LLVM;

    static final Translator.Options OPTIONS =
            new Translator.Options(List.of(Path.of("../examples/src/main/java"), Path.of("src/test/java")));

    public BpfObject translate(Class<?> probe) {
        if (this == LLVM) requireLlvm();
        return translate(probe.getName(), Translator.ClassSource.of(probe.getClassLoader()), OPTIONS);
    }

    /** Translates class {@code name} from {@code source} with this code generator (LLVM's availability is the caller's). */
    public BpfObject translate(String name, Translator.ClassSource source, Translator.Options options) {
        return this == DIRECT ? Translator.translate(name, source, options) : LlvmBackend.translate(name, source, options);
    }

    /** Translates, loads and attaches every program, like {@code BPF.loadAndAttach}. */
    public BPF loadAndAttach(Class<?> probe) {
        BPF bpf = BPF.load(translate(probe), probe);
        try {
            return bpf.attachAll();
        } catch (RuntimeException e) {
            bpf.close();
            throw e;
        }
    }

    /** Skips with the reason when LLVM's bindings are missing, or fails under JBPF_REQUIRE_KERNEL=1. */
    static void requireLlvm() {
        String reason = LlvmBackend.unavailableReason();
        if (reason != null) org.jbpf.testsupport.Skip.because("llvm", reason);
    }
}
