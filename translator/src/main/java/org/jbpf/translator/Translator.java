package org.jbpf.translator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.btf.BtfType;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.GlobalData;
import org.jbpf.core.obj.MapSpec;
import org.jbpf.core.obj.MapTypes;
import org.jbpf.core.obj.ProgramSpec;
import org.jbpf.core.obj.MapInsertDrops;
import org.jbpf.core.obj.RingBufferDrops;
import org.jbpf.translator.analysis.MethodAnalysis;
import org.jbpf.translator.analysis.MethodAnalyzer;
import org.jbpf.translator.analysis.RecordView;
import org.jbpf.translator.analysis.Subprogram;
import org.jbpf.translator.backend.BtfBuilder;
import org.jbpf.translator.backend.Encoder;
import org.jbpf.translator.backend.FunctionLinker;
import org.jbpf.translator.backend.KernelBtf;
import org.jbpf.translator.backend.RegisterAllocator;
import org.jbpf.translator.backend.StackFrameLayout;
import org.jbpf.translator.frontend.GlobalVariables;
import org.jbpf.translator.frontend.MapDecl;
import org.jbpf.translator.frontend.ProbeClass;
import org.jbpf.translator.frontend.InsertDrops;
import org.jbpf.translator.frontend.RingDrops;
import org.jbpf.translator.frontend.SourceText;
import org.jbpf.translator.frontend.StructRegistry;
import org.jbpf.translator.frontend.ValueType;
import org.jbpf.translator.lower.ProgramLowering;
import org.jbpf.translator.lower.StringPool;
import org.jbpf.translator.mir.Mir;
import org.jbpf.translator.mir.MirObject;
import org.jbpf.translator.mir.MirProgram;
import org.jbpf.translator.opt.Pipeline;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Entry point: Java probe class → {@link BpfObject}. Each {@code @Section} method is analysed
 * ({@link MethodAnalyzer}), lowered to MIR ({@link ProgramLowering}) and optimised ({@link Pipeline#optimize}); the
 * direct backend then allocates registers ({@link RegisterAllocator}), cleans up ({@link Pipeline#cleanUp}) and
 * encodes ({@link Encoder}), while {@link #translateToMir} hands the optimised MIR to another backend.
 */
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
        try {
            return translateChecked(classFile, classes, options);
        } catch (RuntimeException | StackOverflowError e) {
            throw reported(classFile, e);
        }
    }

    // The stages are called directly, not through lambdas: each lambda links method handles at its first call, a
    // share of a cold translate.

    private static BpfObject translateChecked(byte[] classFile, ClassSource classes, Options options) {
        Frontend f = new Frontend(classFile, classes, options);
        List<ProgramSpec> programs = new ArrayList<>();
        KernelBtf kernel = new KernelBtf(f.btf.btf);
        for (MethodNode m : f.probe.sections) {
            try {
                programs.add(program(f, kernel, m));
            } catch (TranslationException e) {
                throw atMethod(f, m, e);
            }
        }
        List<List<ProgramSpec.CoreRelocation>> relocations = kernel.finish();
        for (int k = 0; k < programs.size(); k++) {
            ProgramSpec p = programs.get(k);
            programs.set(k, new ProgramSpec(p.name(), p.section(), p.insns(), p.funcInfos(), relocations.get(k)));
        }
        return new BpfObject(f.simpleName(), f.probe.license, f.maps, programs, f.btf.btf, f.globals());
    }

    /** One program of the direct backend: its code and its BPF functions', linked. */
    private static ProgramSpec program(Frontend f, KernelBtf kernel, MethodNode m) {
        Compiled c = f.compile(m, true);
        List<FunctionLinker.Function> functions = f.encodeAll(m, c, f.compileFunctions(c));
        if (FunctionLinker.overflows(functions)) {   // functions the translator chose may cost the stack inlining saves
            try {
                Compiled inlined = f.compile(m, false);
                functions = f.encodeAll(m, inlined, f.compileFunctions(inlined));
                c = inlined;
            } catch (TranslationException e) {
                // inlined it does not fit either: the link below reports the call chain's stack
            }
        }
        functions.set(0, functions.get(0).withBtfFunc(f.function(m, c.record)));
        for (int k = 1; k < functions.size(); k++) functions.set(k, functions.get(k).withBtfFunc(f.btf.subprogram(c.analysis.subprograms.get(k - 1))));
        FunctionLinker.Linked linked = FunctionLinker.link(functions, f.probe.file, ProbeClass.firstLine(m));
        return new ProgramSpec(m.name, f.probe.sectionNames.get(m), kernel.take(linked.insns()), linked.funcInfos());
    }

    /**
     * The probe after analysis and optimization but before register allocation, for other backends. Each program's
     * BTF FUNC is in the object's BTF under the program's name.
     */
    public static MirObject translateToMir(byte[] classFile, ClassSource classes, Options options) {
        try {
            return translateToMirChecked(classFile, classes, options);
        } catch (RuntimeException | StackOverflowError e) {
            throw reported(classFile, e);
        }
    }

    /**
     * What leaves a translation: a {@link TranslationException} as it is; anything else is a translator bug, reported
     * with the class's name and a request to report it instead of as a bare internal exception.
     */
    private static TranslationException reported(byte[] classFile, Throwable e) {
        if (e instanceof TranslationException t) return t;
        String name;
        try {
            name = new org.objectweb.asm.ClassReader(classFile).getClassName().replace('/', '.');
        } catch (RuntimeException unreadable) {
            name = "the class file";
        }
        TranslationException t = new TranslationException("internal error translating " + name + ": " + e
                + "; please report this with the class file");
        t.initCause(e);
        return t;
    }

    private static MirObject translateToMirChecked(byte[] classFile, ClassSource classes, Options options) {
        Frontend f = new Frontend(classFile, classes, options);
        f.forAnotherBackend = true;
        List<MirProgram> programs = new ArrayList<>();
        for (MethodNode m : f.probe.sections) {
            try {
                programs.add(mirProgram(f, m));
            } catch (TranslationException e) {
                throw atMethod(f, m, e);
            }
        }
        return new MirObject(f.simpleName(), f.probe.license, f.maps, f.btf.btf, programs, f.globals());
    }

    /** One program's optimised MIR, with its BPF functions', for another backend. */
    private static MirProgram mirProgram(Frontend f, MethodNode m) {
        Compiled c = f.compile(m, false);
        f.function(m, c.record);
        List<MirProgram> functions = new ArrayList<>();
        for (Subprogram s : c.analysis.subprograms) {
            Compiled sc = f.compileFunction(s);
            for (Mir.MInsn i : sc.mir.code) if (i.line != null) i.line = f.sources.annotate(i.line);
            functions.add(new MirProgram(s.name, null, List.copyOf(sc.mir.code), sc.frame.used(), true, false, s.arity(), List.of()));
        }
        for (Mir.MInsn i : c.mir.code) if (i.line != null) i.line = f.sources.annotate(i.line);
        return new MirProgram(m.name, f.probe.sectionNames.get(m), List.copyOf(c.mir.code), c.frame.used(),
                Type.getReturnType(m.desc).getSort() == Type.LONG, Type.getArgumentTypes(m.desc).length >= 1,
                Math.min(Type.getArgumentTypes(m.desc).length, 1), functions);
    }

    /** A rejection from one program's translation; one that names no Java position gets the program method's first line. */
    private static TranslationException atMethod(Frontend f, MethodNode m, TranslationException e) {
        boolean lines = ProbeClass.firstLine(m) > 0;
        if (e.file() != null && (e.line() > 0 || lines)) return e;
        String what = e.file() == null || !e.getMessage().startsWith(e.file() + ": ") ? e.getMessage()
                : e.getMessage().substring(e.file().length() + 2);
        // a class compiled without line numbers (javac -g:none): the class and program say where, and how to get lines
        String where = lines ? "program " + m.name + ": "
                : "class " + f.probe.node.name.replace('/', '.') + ", program " + m.name + " (compiled without line numbers; "
                        + "compile with javac -g to see them): ";
        TranslationException t = new TranslationException(e.file() != null ? e.file() : f.probe.file, ProbeClass.firstLine(m), where + what);
        t.initCause(e);
        return t;
    }

    /** A function's MIR, frame and analysis, and the struct a program reads its tracepoint record through (or null). */
    private record Compiled(Mir mir, StackFrameLayout frame, MethodAnalysis analysis, ValueType.Struct record) {}

    /** Shared first stages: class parsing, maps and their BTF, and per-method code generation with the MIR passes. */
    private static final class Frontend {
        final ClassNode node;
        final StructRegistry structs;
        final ProbeClass probe;
        final SourceText sources;
        final BtfBuilder btf = new BtfBuilder();
        final List<MapSpec> maps = new ArrayList<>();
        final List<GlobalData> globals = new ArrayList<>();
        final StringPool strings = new StringPool();
        /** Counters of records the ring buffers refused, or null without ring buffers. */
        final RingDrops drops;
        /** Counters of new keys the full maps refused, or null without hash maps or LPM tries. */
        final InsertDrops insertDrops;
        /** The MIR goes to another backend ({@link #translateToMir}): see {@link Mir#keepPacketOffsetChecks}. */
        boolean forAnotherBackend;

        Frontend(byte[] classFile, ClassSource classes, Options options) {
            node = StructRegistry.parse(classFile, "class file");
            structs = new StructRegistry(classes);
            structs.known(node);
            probe = new ProbeClass(node, structs);
            sources = new SourceText(options.sourceRoots(), node.name);
            for (MapDecl m : probe.maps.values()) {
                int k = m.key() != null ? btf.typeOf(m.key()) : 0;
                int v = m.value() != null ? btf.typeOf(m.value()) : 0;
                // the kernel creates LPM tries only without preallocation (BPF_F_NO_PREALLOC)
                int flags = m.mapType() == MapTypes.LPM_TRIE ? 1 : 0;
                maps.add(new MapSpec(m.name(), m.mapType(), m.keySize(), m.valueSize(), m.maxEntries(), flags, k, v));
            }
            drops = RingDrops.of(probe);
            if (drops != null) {
                MapDecl c = drops.counters();
                maps.add(RingBufferDrops.spec(c.maxEntries(), btf.typeOf(c.key()), btf.typeOf(c.value())));
            }
            insertDrops = InsertDrops.of(probe);
            if (insertDrops != null) {
                MapDecl c = insertDrops.counters();
                maps.add(MapInsertDrops.spec(c.maxEntries(), btf.typeOf(c.key()), btf.typeOf(c.value())));
            }
            for (String section : probe.globals.sections()) {
                List<BtfType.VarSecInfo> vars = new ArrayList<>();
                List<GlobalData.Variable> described = new ArrayList<>();
                for (GlobalVariables.Variable v : probe.globals.in(section)) {
                    // a table of numbers or structs is an array of its element's type, as C declares it (int weights[4])
                    org.jbpf.core.layout.StructLayout.Kind kind = v.isArray() ? org.jbpf.core.layout.StructLayout.Kind.BYTES : v.kind();
                    int var = v.structElement() != null ? btf.structTableVariable(v.name(), structs.struct(v.structElement()),
                            v.length() / structs.struct(v.structElement()).size(), v.constant())
                            : v.element() != null ? btf.tableVariable(v.name(), v.element(), v.length() / v.element().size, v.constant())
                            : btf.variable(v.name(), kind, v.length(), v.constant());
                    vars.add(new BtfType.VarSecInfo(var, v.offset(), v.size()));
                    described.add(new GlobalData.Variable(v.name(), v.offset(), v.size(), ((BtfType.Var) btf.btf.type(var)).type()));
                }
                byte[] bytes = probe.globals.bytes(section);
                globals.add(new GlobalData(section, bytes, described, btf.dataSection(section, bytes.length, vars)));
            }
        }

        /** The global variables' sections, then the string literals the programs compiled so far put in read-only data. */
        List<GlobalData> globals() {
            if (strings.isEmpty()) return globals;
            List<GlobalData> all = new ArrayList<>(globals);
            byte[] bytes = strings.bytes();
            all.add(new GlobalData(StringPool.SECTION, bytes, List.of(), btf.dataSection(StringPool.SECTION, bytes.length, List.of())));
            return all;
        }

        String simpleName() { return node.name.substring(node.name.lastIndexOf('/') + 1); }

        int function(MethodNode m, ValueType.Struct record) {
            int func = btf.function(m.name, Type.getReturnType(m.desc).getSort() == Type.LONG, Type.getArgumentTypes(m.desc).length >= 1);
            if (record != null) {
                // the context parameter becomes "struct Record *ctx", which the loader checks against the kernel's format
                BtfType.FuncProto proto = (BtfType.FuncProto) btf.btf.type(((BtfType.Func) btf.btf.type(func)).type());
                int struct = btf.typeOf(record);
                int ptr = btf.btf.add(new BtfType.Ptr(struct));
                // tagged as a Java record class, so the loader checks it (a C program's ctx struct may be named otherwise)
                if (btf.btf.find(BtfType.KIND_DECL_TAG, org.jbpf.core.relo.CoreRelocator.JAVA_TAG + record.javaName()) < 0)
                    btf.btf.add(new BtfType.DeclTag(org.jbpf.core.relo.CoreRelocator.JAVA_TAG + record.javaName(), struct, -1));
                btf.btf.set(((BtfType.Func) btf.btf.type(func)).type(), new BtfType.FuncProto(proto.returnType(),
                        List.of(new BtfType.Param(proto.params().get(0).name(), ptr))));
            }
            return func;
        }

        Compiled compile(MethodNode m, boolean automaticFunctions) {
            MethodAnalysis analysis = MethodAnalyzer.analyzeSection(probe, structs, m, automaticFunctions);
            Mir mir = new Mir();
            StackFrameLayout frame = new StackFrameLayout();
            mir.keepPacketOffsetChecks = forAnotherBackend;
            mir.readOnlyContext = hasReadOnlyContext(probe.sectionNames.get(m));
            new ProgramLowering(mir, frame, drops, insertDrops, strings).lower(analysis);
            Pipeline.optimize(mir);
            return new Compiled(mir, frame, analysis, RecordView.find(analysis));
        }

        /**
         * Tracepoints and raw tracepoints get a context only read: the kernel verifier refuses stores into it and no
         * helper writes it, unlike the packet programs' data pointers or a kprobe's registers, which helpers change.
         */
        static boolean hasReadOnlyContext(String section) {
            org.jbpf.core.program.SectionKind kind = section == null ? null : org.jbpf.core.program.SectionKinds.ofSection(section);
            return kind == org.jbpf.core.program.SectionKind.TRACEPOINT || kind == org.jbpf.core.program.SectionKind.RAW_TRACEPOINT;
        }

        /** Lowers and optimises the BPF functions program {@code c} calls, in the order of its analysis. */
        List<Compiled> compileFunctions(Compiled c) {
            List<Compiled> bodies = new ArrayList<>();
            for (Subprogram s : c.analysis.subprograms) bodies.add(compileFunction(s));
            return bodies;
        }

        /** Encodes program {@code m} and its functions, the entry first; their BTF FUNC ids come once the calls are settled. */
        List<FunctionLinker.Function> encodeAll(MethodNode m, Compiled c, List<Compiled> bodies) {
            List<FunctionLinker.Function> functions = new ArrayList<>();
            functions.add(encode(c, 1, m.name, "program " + m.name, 0));
            for (int k = 0; k < bodies.size(); k++) {
                Subprogram s = c.analysis.subprograms.get(k);
                functions.add(encode(bodies.get(k), s.arity(), s.name, "function " + s.name, 0));
            }
            return functions;
        }

        /** Lowers and optimises one BPF function a program calls. */
        Compiled compileFunction(Subprogram s) {
            Mir mir = new Mir();
            StackFrameLayout frame = new StackFrameLayout();
            mir.keepPacketOffsetChecks = forAnotherBackend;
            new ProgramLowering(mir, frame, drops, insertDrops, strings).lowerFunction(s);
            Pipeline.optimize(mir);
            return new Compiled(mir, frame, s.body, null);
        }

        /** Allocates registers of one function (with {@code entryArgs} arguments arriving in r1–r5), cleans up and encodes. */
        FunctionLinker.Function encode(Compiled c, int entryArgs, String name, String what, int btfFunc) {
            new RegisterAllocator(c.mir, c.frame, entryArgs).run();
            if (c.frame.used() > StackFrameLayout.MAX_STACK)
                throw new TranslationException(c.analysis.file, ProbeClass.firstLine(c.analysis.method), what + " needs " + c.frame.used()
                        + " bytes of stack but BPF allows " + StackFrameLayout.MAX_STACK + "; use fewer or smaller local structs, or keep data in a per-CPU array map");
            Pipeline.cleanUp(c.mir);
            return new FunctionLinker.Function(name, sources.annotate(Encoder.encode(c.mir)), c.frame.used(), btfFunc);
        }
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
