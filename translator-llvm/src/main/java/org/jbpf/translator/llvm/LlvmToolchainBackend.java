package org.jbpf.translator.llvm;

import org.jbpf.core.obj.BpfObject;
import org.jbpf.toolchain.Backend;
import org.jbpf.toolchain.Backends;
import org.jbpf.toolchain.BtfMarks;
import org.jbpf.translator.Translator;

/** The {@code llvm} entry of the toolchain's backend table, registered as a service so the toolchain need not depend on LLVM. */
public final class LlvmToolchainBackend implements Backend {
    @Override public String name() { return Backends.LLVM; }

    @Override public String unavailableReason() { return LlvmBackend.unavailableReason(); }

    @Override public BpfObject translate(byte[] classFile, Translator.ClassSource classes, Translator.Options options) {
        // the same display marks in BTF as the direct backend: text fields, histograms, scratch maps, event records
        return BtfMarks.apply(LlvmBackend.translate(classFile, classes, options), classFile, classes);
    }
}
