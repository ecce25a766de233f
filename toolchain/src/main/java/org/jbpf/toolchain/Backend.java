package org.jbpf.toolchain;

import org.jbpf.core.obj.BpfObject;
import org.jbpf.translator.Translator;

/**
 * A code generator that turns a probe class into a BPF object. The built-in {@code direct} one is always present;
 * others are found through {@link java.util.ServiceLoader} when their artifact is on the class path
 * ({@code META-INF/services/org.jbpf.toolchain.Backend}).
 */
public interface Backend {
    /** The name users select it by, one of {@link Backends#NAMES}. */
    String name();

    /** Null when the backend can translate here; otherwise why not and what to add. */
    default String unavailableReason() { return null; }

    BpfObject translate(byte[] classFile, Translator.ClassSource classes, Translator.Options options);
}
