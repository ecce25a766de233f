package org.jbpf.toolchain;

import org.jbpf.core.obj.BpfObject;
import org.jbpf.runtime.ProbeTranslator;
import org.jbpf.translator.Translator;

/** The translator {@code BPF.loadAndAttach(Class)} finds when this module is on the class path: the direct backend. */
public final class RuntimeTranslator implements ProbeTranslator {
    @Override public BpfObject translate(Class<?> probe) { return Translator.translate(probe); }
}
