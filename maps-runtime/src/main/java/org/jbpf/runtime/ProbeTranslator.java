package org.jbpf.runtime;

import java.util.ServiceLoader;
import org.jbpf.core.obj.BpfObject;

/**
 * What {@code BPF.loadAndAttach(Class)} translates a probe class with. The runtime itself holds no translator: one is
 * found through {@link ServiceLoader} ({@code org.jbpf:jbpf-toolchain} provides it), so an application that only
 * loads objects translated at build time does not carry the translator.
 */
public interface ProbeTranslator {
    BpfObject translate(Class<?> probe);

    /** The translator on the class path. */
    static ProbeTranslator find(Class<?> probe) {
        for (ProbeTranslator t : ServiceLoader.load(ProbeTranslator.class, ProbeTranslator.class.getClassLoader())) return t;
        throw new IllegalStateException("translating " + probe.getName() + " at run time needs a translator: add "
                + "org.jbpf:jbpf-toolchain to the class path, or load the object the Maven plugin wrote with "
                + "BPF.open(Path.of(\"target/jbpf/" + probe.getSimpleName() + ".o\"))");
    }
}
