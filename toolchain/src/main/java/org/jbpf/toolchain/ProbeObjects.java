package org.jbpf.toolchain;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.ObjectFiles;
import org.jbpf.translator.Translator;

/** Turns a command's probe arguments (.o files, or anything {@link ProbeInputs} accepts) into BPF objects. */
public final class ProbeObjects {
    private ProbeObjects() {}

    /** Reads the .o files and translates the probe classes among {@code inputs} with the direct backend. */
    public static List<BpfObject> of(List<String> inputs, List<Path> classpath, List<Path> sourcePath) throws IOException {
        List<BpfObject> out = new ArrayList<>();
        List<String> classInputs = new ArrayList<>();
        for (String s : inputs) {
            if (s.endsWith(".o")) out.add(readObject(Path.of(s)));
            else classInputs.add(s);
        }
        if (!classInputs.isEmpty()) {
            ProbeInputs in = ProbeInputs.of(classInputs, classpath);
            in.requireProbes(classInputs);
            Backend direct = Backends.direct();
            Translator.Options options = new Translator.Options(sourcePath);
            // a missing tracepoint is told with its Java line here, as translate tells it, not by the attach later
            SectionCheck sections = new SectionCheck(SectionCheck.TRACEFS_EVENTS);
            for (byte[] probe : in.probes) {
                sections.check(probe);
                out.add(direct.translate(probe, in.source(), options));
            }
        }
        return out;
    }

    /** A BPF ELF object file, named after the file without its .o. */
    public static BpfObject readObject(Path file) { return ObjectFiles.read(file); }
}
