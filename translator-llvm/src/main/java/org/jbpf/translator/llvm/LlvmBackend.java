package org.jbpf.translator.llvm;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.asm.SourceLine;
import org.jbpf.core.btf.BtfType;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.GlobalData;
import org.jbpf.core.obj.ObjectFormatException;
import org.jbpf.core.obj.ObjectReader;
import org.jbpf.core.obj.ProgramSpec;
import org.jbpf.translator.TranslationException;
import org.jbpf.translator.Translator;
import org.jbpf.translator.backend.KernelBtf;
import org.jbpf.translator.mir.MirInstruction;
import org.jbpf.translator.mir.MirObject;
import org.jbpf.translator.mir.MirProgram;

/**
 * The LLVM backend: the translator's MIR ({@link Translator#translateToMir}) lowered to LLVM IR, optimized by LLVM and
 * emitted by its BPF target. The result is an ordinary {@link BpfObject}: LLVM's code with the probe's maps and BTF,
 * so jbpf's loader, {@code ObjectWriter} and bpftool take it like the direct backend's.
 *
 * <p>The LLVM bindings (org.bytedeco:llvm with its native jar) are optional; {@link #available()} says whether they
 * are on the class path and {@link #unavailableReason()} how to add them.
 */
public final class LlvmBackend {
    private LlvmBackend() {}

    private static final String BINDINGS = "org.bytedeco.llvm.global.LLVM";

    /** True when the LLVM bindings and their native library for this platform can be loaded. */
    public static boolean available() { return unavailableReason() == null; }

    /** Why the backend cannot run here, with what to add; null when it can. */
    public static String unavailableReason() {
        try {
            Class.forName(BINDINGS, true, LlvmBackend.class.getClassLoader());
            LlvmTarget.initialize();
            return null;
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            return "the LLVM backend needs the LLVM bindings on the class path: add org.bytedeco:llvm:" + Versions.LLVM
                    + " and org.bytedeco:javacpp:" + Versions.JAVACPP + ", each also with classifier " + Versions.PLATFORM
                    + " (or depend on org.jbpf:jbpf-translator-llvm, which brings them)";
        } catch (UnsatisfiedLinkError | ExceptionInInitializerError e) {
            return "the LLVM bindings are on the class path but their native library does not load on this platform ("
                    + System.getProperty("os.name") + "/" + System.getProperty("os.arch") + "): " + e.getMessage()
                    + "; add the org.bytedeco:llvm and org.bytedeco:javacpp jars with this platform's classifier";
        }
    }

    private static void requireAvailable() {
        String reason = unavailableReason();
        if (reason != null) throw new TranslationException(reason);
    }

    /** Translates a probe class through LLVM; the counterpart of {@link Translator#translate(byte[], Translator.ClassSource, Translator.Options)}. */
    public static BpfObject translate(byte[] classFile, Translator.ClassSource classes, Translator.Options options) {
        requireAvailable();
        MirObject ir = Translator.translateToMir(classFile, classes, options);
        return assemble(ir, compile(ir, sourceDirectory(classFile, ir, options)));
    }

    /** Translates the probe class {@code className} (binary name) found through {@code classes}, like {@link Translator#translate(String, Translator.ClassSource, Translator.Options)}. */
    public static BpfObject translate(String className, Translator.ClassSource classes, Translator.Options options) {
        requireAvailable();
        byte[] bytes;
        try {
            bytes = classes.read(className.replace('.', '/'));
        } catch (java.io.IOException e) {
            throw new TranslationException("cannot read class " + className + ": " + e.getMessage());
        }
        if (bytes == null) throw new TranslationException("class " + className + " not found");
        return translate(bytes, classes, options);
    }

    /** Translates a loaded probe class through LLVM, reading class files through its class loader. */
    public static BpfObject translate(Class<?> probe) {
        return translate(probe.getName(), Translator.ClassSource.of(probe.getClassLoader()), Translator.Options.DEFAULT);
    }

    /**
     * The ELF object exactly as LLVM's BPF target wrote it: code, BTF with BTF-defined {@code .maps} and line_info,
     * loadable by libbpf as it is unless the probe reads kernel structs by name, whose instructions hold
     * {@link CoreMarks}' stand-in constants until {@link #assemble} restores them. {@code sourceDirectory} (or null) is where the probe's .java file is, for line text.
     */
    public static byte[] compile(MirObject ir, Path sourceDirectory) {
        var context = org.bytedeco.llvm.global.LLVM.LLVMContextCreate();
        Diagnostics diagnostics = Diagnostics.install(context);
        try {
            byte[] elf = LlvmTarget.compile(new ModuleLowering(context, ir, sourceDirectory).lower(), ir.name());
            if (!diagnostics.errors.isEmpty())
                throw new TranslationException("LLVM's BPF target cannot compile " + ir.name() + ": " + diagnostics.summary()
                        + "; the direct backend (the default) may translate it");
            return elf;
        } finally {
            org.bytedeco.llvm.global.LLVM.LLVMContextDispose(context);
            // frees the handler's native slot now: JavaCPP keeps only a few alive, and without one LLVM exits the JVM
            diagnostics.close();
        }
    }

    /** The module LLVM is given, as LLVM IR text before optimization. */
    public static String llvmIr(MirObject ir) {
        var context = org.bytedeco.llvm.global.LLVM.LLVMContextCreate();
        try {
            return LlvmTarget.print(new ModuleLowering(context, ir, null).lower());
        } finally {
            org.bytedeco.llvm.global.LLVM.LLVMContextDispose(context);
        }
    }

    /** The source root directory holding the probe's .java file (package directories included), or null. */
    public static Path sourceDirectory(byte[] classFile, MirObject ir, Translator.Options options) {
        String internal;
        try {
            internal = new org.objectweb.asm.ClassReader(classFile).getClassName();
        } catch (RuntimeException e) {
            return null;
        }
        String pkg = internal.lastIndexOf('/') < 0 ? "" : internal.substring(0, internal.lastIndexOf('/'));
        String file = null;
        for (MirProgram p : ir.programs())
            for (MirInstruction i : p.code()) if (file == null && i.line() != null && !i.line().file().isEmpty()) file = i.line().file();
        if (file == null) return null;
        for (Path root : options.sourceRoots()) {
            Path dir = root.resolve(pkg);
            if (Files.isRegularFile(dir.resolve(file))) return dir;
        }
        return null;
    }

    /**
     * LLVM's programs with the probe's own maps and BTF: the maps keep their BTF key and value types (so the object is
     * written with BTF-defined {@code .maps}) and each program gets its BTF FUNC.
     */
    static BpfObject assemble(MirObject ir, byte[] elf) {
        BpfObject emitted;
        try {
            emitted = ObjectReader.read(elf, ir.name() + " (LLVM output)");
        } catch (ObjectFormatException e) {
            throw new TranslationException("internal error: LLVM's object for " + ir.name() + " does not read back: " + e.getMessage());
        }
        List<ProgramSpec> programs = new ArrayList<>();
        CoreMarks core = new CoreMarks(ir);
        KernelBtf kernel = new KernelBtf(ir.btf());
        for (MirProgram p : ir.programs()) {
            ProgramSpec code = emitted.program(p.name()).orElseThrow(() -> new TranslationException(
                    "internal error: LLVM's object for " + ir.name() + " lacks program " + p.name()));
            int func = ir.btf().find(BtfType.KIND_FUNC, p.name());
            List<ProgramSpec.FuncInfo> infos = new ArrayList<>();
            if (func > 0) infos.add(new ProgramSpec.FuncInfo(0, func));
            // the program's BPF functions: a static FUNC of longs in the probe's BTF for each one LLVM kept
            for (ProgramSpec.FuncInfo f : code.funcInfos())
                if (f.insnOff() > 0) infos.add(new ProgramSpec.FuncInfo(f.insnOff(), staticFunction(ir.btf(), emitted.btf(), f.btfFuncType())));
            CallChainStack.check(code, infos, ir.btf(), p);
            programs.add(new ProgramSpec(p.name(), p.section(), kernel.take(core.restore(withSourceText(code.insns(), p))), infos));
        }
        List<List<ProgramSpec.CoreRelocation>> relocations = kernel.finish();
        for (int k = 0; k < programs.size(); k++) {
            ProgramSpec p = programs.get(k);
            programs.set(k, new ProgramSpec(p.name(), p.section(), p.insns(), p.funcInfos(), relocations.get(k)));
        }
        return new BpfObject(ir.name(), ir.license(), ir.maps(), programs, ir.btf(), withTables(ir.globals(), emitted.globals()));
    }

    /**
     * The probe's global data, and any section only LLVM wrote: a table its code reads, such as the de Bruijn table of
     * a trailing-zero count. Such a section has no variables of the probe, so it goes without BTF.
     */
    private static List<GlobalData> withTables(List<GlobalData> probe, List<GlobalData> emitted) {
        List<GlobalData> all = new ArrayList<>(probe);
        for (GlobalData g : emitted)
            if (probe.stream().noneMatch(p -> p.name().equals(g.name()))) all.add(new GlobalData(g.name(), g.bytes(), List.of(), 0));
        return all;
    }

    /** A copy into {@code btf} of LLVM's FUNC {@code id}: its name, static, with long parameters and result. */
    private static int staticFunction(org.jbpf.core.btf.Btf btf, org.jbpf.core.btf.Btf llvm, int id) {
        BtfType.Func f = (BtfType.Func) llvm.type(id);
        BtfType.FuncProto proto = (BtfType.FuncProto) llvm.type(f.type());
        int longType = btf.add(new BtfType.IntType("long", 8, BtfType.INT_SIGNED));
        List<BtfType.Param> params = new ArrayList<>();
        for (BtfType.Param q : proto.params()) params.add(new BtfType.Param(q.name(), longType));
        return btf.add(new BtfType.Func(f.name(), btf.add(new BtfType.FuncProto(longType, params)), BtfType.LINKAGE_STATIC));
    }

    /** LLVM's line_info carries file and line; the text of each line is the one the translator read from the source. */
    private static List<Insn> withSourceText(List<Insn> insns, MirProgram program) {
        Map<String, SourceLine> lines = new HashMap<>();
        for (MirInstruction i : program.code()) if (i.line() != null) lines.putIfAbsent(baseName(i.line().file()) + ":" + i.line().line(), i.line());
        List<Insn> out = new ArrayList<>(insns.size());
        for (Insn in : insns) {
            SourceLine s = in.source();
            SourceLine ours = s == null ? null : lines.get(baseName(s.file()) + ":" + s.line());
            out.add(s == null || s.line() == 0 ? in.withSource(null) : ours != null ? in.withSource(ours) : in);
        }
        return out;
    }

    static String baseName(String path) { return path.substring(path.lastIndexOf('/') + 1); }
}
