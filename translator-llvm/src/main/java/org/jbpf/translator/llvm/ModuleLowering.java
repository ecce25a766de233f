package org.jbpf.translator.llvm;

import static org.bytedeco.llvm.global.LLVM.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.llvm.LLVM.LLVMBuilderRef;
import org.bytedeco.llvm.LLVM.LLVMContextRef;
import org.bytedeco.llvm.LLVM.LLVMModuleRef;
import org.bytedeco.llvm.LLVM.LLVMTypeRef;
import org.bytedeco.llvm.LLVM.LLVMValueRef;
import org.jbpf.core.obj.GlobalData;
import org.jbpf.core.obj.MapSpec;
import org.jbpf.translator.TranslationException;
import org.jbpf.translator.mir.MirObject;
import org.jbpf.translator.mir.MirProgram;

/**
 * An {@link MirObject} as an LLVM module: one function per program in its section (its BPF functions beside it in
 * {@code .text}, never inlined), one global per map (see
 * {@link MapGlobals}; map references become relocations against the map's symbol) and the license string in section
 * {@code license}. The caller owns the context and disposes it.
 */
final class ModuleLowering {
    final LLVMContextRef context;
    final LLVMModuleRef module;
    final LLVMBuilderRef builder;
    final LLVMTypeRef i8, i32, i64, ptr;
    private final MirObject object;
    private final Map<String, LLVMValueRef> maps = new HashMap<>();
    private final Map<String, LLVMValueRef> dataSections = new HashMap<>();

    private final java.nio.file.Path sourceDirectory;
    /** The kernel struct reads by name, written as inline assembly. */
    final CoreMarks core;

    ModuleLowering(LLVMContextRef context, MirObject object, java.nio.file.Path sourceDirectory) {
        this.context = context;
        this.sourceDirectory = sourceDirectory;
        this.object = object;
        this.core = new CoreMarks(object);
        this.module = LLVMModuleCreateWithNameInContext(object.name(), context);
        this.builder = LLVMCreateBuilderInContext(context);
        i8 = LLVMInt8TypeInContext(context);
        i32 = LLVMInt32TypeInContext(context);
        i64 = LLVMInt64TypeInContext(context);
        ptr = LLVMPointerTypeInContext(context, 0);
    }

    LLVMModuleRef lower() {
        DebugInfo debug = new DebugInfo(this, object, sourceDirectory);
        MapGlobals globals = new MapGlobals(this, debug, new DebugTypes(debug.dib, debug.unitFile, object.btf()));
        for (MapSpec map : object.maps()) maps.put(map.name(), globals.define(map));
        for (GlobalData g : object.globals()) dataSections.put(g.name(), dataSection(g));
        license();
        java.util.Set<String> names = new java.util.HashSet<>();
        for (MirProgram p : object.programs()) names.add(p.name());
        for (MirProgram p : object.programs()) {
            // a program's BPF functions, declared first so calls and loop bodies can name them; one copy per program
            Map<String, LLVMValueRef> functions = new HashMap<>();
            List<FunctionLowering> bodies = new java.util.ArrayList<>();
            for (MirProgram f : p.functions()) {
                String unique = f.name();
                for (int n = 2; !names.add(unique); n++) unique = f.name() + "_" + n;
                FunctionLowering body = new FunctionLowering(this, f, unique, functions, debug);
                functions.put(f.name(), body.function());
                bodies.add(body);
            }
            new FunctionLowering(this, p, p.name(), functions, debug).lower();
            for (FunctionLowering body : bodies) body.lower();
        }
        debug.finish();
        LLVMDisposeBuilder(builder);
        return module;
    }

    private void license() {
        String text = object.license() == null ? "" : object.license();
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        LLVMValueRef init = LLVMConstStringInContext(context, new BytePointer(bytes), bytes.length, 0);
        LLVMValueRef g = LLVMAddGlobal(module, LLVMArrayType(i8, bytes.length + 1), "_license");
        LLVMSetInitializer(g, init);
        LLVMSetSection(g, "license");
        LLVMSetAlignment(g, 1);
    }

    /**
     * A global-data section as one byte array in the section of that name, holding its initial bytes. It is neither
     * constant nor internal, so LLVM keeps every load: a load-time constant's value is only known once loaded.
     */
    private LLVMValueRef dataSection(GlobalData g) {
        byte[] bytes = g.bytes();
        LLVMValueRef g2 = LLVMAddGlobal(module, LLVMArrayType(i8, bytes.length), "jbpf" + g.name().replace('.', '_'));
        LLVMSetInitializer(g2, LLVMConstStringInContext(context, new BytePointer(bytes), bytes.length, 1));
        LLVMSetSection(g2, g.name());
        LLVMSetAlignment(g2, 8);
        return g2;
    }

    /** The address of byte {@code offset} of global-data section {@code name}. */
    LLVMValueRef dataAddress(String name, long offset, MirProgram program) {
        LLVMValueRef g = dataSections.get(name);
        if (g == null) throw new TranslationException("program " + program.name() + " refers to global data " + name + ", which the probe does not have");
        return LLVMConstInBoundsGEP2(i8, g, one(LLVMConstInt(i64, offset, 0)), 1);
    }

    LLVMValueRef map(String name, MirProgram program) {
        LLVMValueRef g = maps.get(name);
        if (g == null) throw new TranslationException("program " + program.name() + " refers to map " + name + ", which the probe does not declare");
        return g;
    }

    /** A one-element pointer array; {@code new PointerPointer(p)} would instead reinterpret p's memory as the array. */
    static PointerPointer<org.bytedeco.javacpp.Pointer> one(org.bytedeco.javacpp.Pointer p) {
        return new PointerPointer<>(new org.bytedeco.javacpp.Pointer[] {p});
    }

    /** Calls an overloaded intrinsic such as {@code llvm.bswap} at type {@code t}. */
    /**
     * {@code x <predicate> y} through the BPF target's compare intrinsic, which the target turns into the plain compare
     * only after LLVM's optimisations: a 32-bit test of the sign of a register's low half stays that test, where
     * LLVM would mask the whole register ({@code x & 0x80000000}), from which the kernel learns no bound of x.
     */
    LLVMValueRef compare(int predicate, LLVMValueRef x, LLVMValueRef y) {
        String name = "llvm.bpf.compare";
        int id = LLVMLookupIntrinsicID(name, name.length());
        LLVMTypeRef t = LLVMTypeOf(x);
        PointerPointer<LLVMTypeRef> types = new PointerPointer<>(t, t);
        LLVMValueRef fn = LLVMGetIntrinsicDeclaration(module, id, types, 2);
        LLVMTypeRef type = LLVMIntrinsicGetType(context, id, types, 2);
        return LLVMBuildCall2(builder, type, fn, new PointerPointer<>(LLVMConstInt(i32, predicate, 0), x, y), 3, "");
    }

    LLVMValueRef call(String intrinsic, LLVMTypeRef t, LLVMValueRef arg) {
        int id = LLVMLookupIntrinsicID(intrinsic, intrinsic.length());
        LLVMValueRef fn = LLVMGetIntrinsicDeclaration(module, id, ModuleLowering.one(t), 1);
        LLVMTypeRef type = LLVMIntrinsicGetType(context, id, ModuleLowering.one(t), 1);
        return LLVMBuildCall2(builder, type, fn, ModuleLowering.one(arg), 1, "");
    }
}
