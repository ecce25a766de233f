package org.jbpf.toolchain;

import org.jbpf.core.obj.BpfObject;
import org.jbpf.translator.Translator;

/** jbpf's own register allocator and encoder: the default backend, with no native code. */
final class DirectBackend implements Backend {
    @Override public String name() { return Backends.DIRECT; }

    @Override public BpfObject translate(byte[] classFile, Translator.ClassSource classes, Translator.Options options) {
        BpfObject object = Translator.translate(classFile, classes, options);
        return BtfMarks.apply(object, classFile, classes);
    }
}
