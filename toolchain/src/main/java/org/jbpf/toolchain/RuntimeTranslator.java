package org.jbpf.toolchain;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.runtime.ProbeTranslator;
import org.jbpf.translator.TranslationException;
import org.jbpf.translator.Translator;

/**
 * The translator {@code BPF.loadAndAttach(Class)} finds when this module is on the class path: section targets
 * checked, then the direct backend, with the probe's display marks in BTF ({@link BtfMarks}).
 */
public final class RuntimeTranslator implements ProbeTranslator {
    @Override public BpfObject translate(Class<?> probe) {
        Translator.ClassSource classes = Translator.ClassSource.of(probe.getClassLoader());
        byte[] classFile;
        try {
            classFile = classes.read(probe.getName().replace('.', '/'));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the class file of " + probe.getName(), e);
        }
        if (classFile == null) throw new TranslationException("the class file of " + probe.getName() + " is not readable through its class loader");
        new SectionCheck(SectionCheck.TRACEFS_EVENTS).check(classFile);
        // the display marks (@Histogram, @Scratch, @CString, @Max, ...) as the command line and the plugin record them
        return BtfMarks.apply(Translator.translate(probe), classFile, classes);
    }
}
