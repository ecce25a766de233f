package org.jbpf.translator;

import java.io.IOException;
import java.io.InputStream;
import org.jbpf.core.obj.BpfObject;

/** Entry point: Java probe class → {@link BpfObject}. */
public final class Translator {
    private Translator() {}

    /** Translates a loaded probe class, reading its bytes (and those of its struct classes) through its class loader. */
    public static BpfObject translate(Class<?> probe) {
        return translate(probe.getName(), ClassSource.of(probe.getClassLoader()));
    }

    /** Translates the probe class {@code className} (binary name, e.g. {@code com.acme.MyProbe}) found through {@code classes}. */
    public static BpfObject translate(String className, ClassSource classes) {
        throw new TranslationException("translator not implemented yet");
    }

    /** Where the translator finds class files by internal name ({@code com/acme/MyProbe}). */
    @FunctionalInterface
    public interface ClassSource {
        /** The class file bytes, or null when there is no such class. */
        byte[] read(String internalName) throws IOException;

        static ClassSource of(ClassLoader loader) {
            ClassLoader cl = loader != null ? loader : ClassLoader.getSystemClassLoader();
            return name -> {
                try (InputStream in = cl.getResourceAsStream(name + ".class")) {
                    return in == null ? null : in.readAllBytes();
                }
            };
        }
    }
}
