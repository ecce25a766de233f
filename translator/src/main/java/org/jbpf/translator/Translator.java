package org.jbpf.translator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.MapSpec;
import org.jbpf.core.obj.ProgramSpec;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/** Entry point: Java probe class → {@link BpfObject}. */
public final class Translator {
    private Translator() {}

    /** Translates a loaded probe class, reading its bytes (and those of its struct classes) through its class loader. */
    public static BpfObject translate(Class<?> probe) {
        return translate(probe.getName(), ClassSource.of(probe.getClassLoader()));
    }

    /** Translates the probe class {@code className} (binary name, e.g. {@code com.acme.MyProbe}) found through {@code classes}. */
    public static BpfObject translate(String className, ClassSource classes) {
        return translate(className, classes, Options.DEFAULT);
    }

    /** Translation settings. {@code sourceRoots} are searched for .java files to put source text into line info. */
    public record Options(List<Path> sourceRoots) {
        public static final Options DEFAULT = new Options(List.of(Path.of("src/main/java"), Path.of("src/test/java")));
    }

    public static BpfObject translate(String className, ClassSource classes, Options options) {
        String internal = className.replace('.', '/');
        byte[] bytes;
        try {
            bytes = classes.read(internal);
        } catch (IOException e) {
            throw new TranslationException("cannot read class " + className + ": " + e.getMessage());
        }
        if (bytes == null) throw new TranslationException("class " + className + " not found");
        return translate(bytes, classes, options);
    }

    /** Translates a probe class given as class-file bytes; its struct classes are read through {@code classes}. */
    public static BpfObject translate(byte[] classFile, ClassSource classes, Options options) {
        ClassNode node = StructRegistry.parse(classFile, "class file");
        StructRegistry structs = new StructRegistry(classes);
        ProbeClass probe = new ProbeClass(node, structs);
        SourceText sources = new SourceText(options.sourceRoots(), node.name);
        BtfBuilder btf = new BtfBuilder();
        List<MapSpec> maps = new ArrayList<>();
        for (MapDecl m : probe.maps.values()) {
            int k = m.key() != null ? btf.typeOf(m.key()) : 0;
            int v = m.value() != null ? btf.typeOf(m.value()) : 0;
            maps.add(new MapSpec(m.name(), m.mapType(), m.keySize(), m.valueSize(), m.maxEntries(), 0, k, v));
        }
        List<ProgramSpec> programs = new ArrayList<>();
        for (MethodNode m : probe.sections) {
            MethodAnalysis analysis = MethodAnalyzer.analyzeSection(probe, structs, m);
            Mir mir = new Mir();
            StackFrameLayout frame = new StackFrameLayout();
            new CodeGen(mir, frame, probe.sectionNames.get(m)).generateProgram(analysis);
            DeadCodeElimination.run(mir);
            CopyPropagation.run(mir);
            RedundantStoreElimination.run(mir);
            DeadStackStoreElimination.run(mir);
            TailMerging.run(mir);
            ConstantElseHoisting.run(mir);
            CopyPropagation.run(mir);
            StoreHoisting.run(mir);
            new RegisterAllocator(mir, frame).run();
            if (frame.used() > StackFrameLayout.MAX_STACK)
                throw new TranslationException(probe.file, ProbeClass.firstLine(m), "program " + m.name + " needs " + frame.used()
                        + " bytes of stack but BPF allows " + StackFrameLayout.MAX_STACK + "; use fewer or smaller local structs, or keep data in a per-CPU array map");
            List<Insn> insns = sources.annotate(MirEmitter.emit(mir));
            boolean hasCtx = Type.getArgumentTypes(m.desc).length == 1;
            int func = btf.function(m.name, Type.getReturnType(m.desc).getSort() == Type.LONG, hasCtx);
            programs.add(new ProgramSpec(m.name, probe.sectionNames.get(m), insns, List.of(new ProgramSpec.FuncInfo(0, func))));
        }
        String simple = node.name.substring(node.name.lastIndexOf('/') + 1);
        return new BpfObject(simple, probe.license, maps, programs, btf.btf);
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
