package org.jbpf.translator.llvm;

import static org.bytedeco.llvm.global.LLVM.*;

import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.llvm.LLVM.LLVMDIBuilderRef;
import org.bytedeco.llvm.LLVM.LLVMMetadataRef;
import org.bytedeco.llvm.LLVM.LLVMValueRef;
import org.jbpf.core.asm.SourceLine;
import org.jbpf.translator.mir.MirInstruction;
import org.jbpf.translator.mir.MirObject;
import org.jbpf.translator.mir.MirProgram;

/**
 * Debug info for the Java source lines: a compile unit, one subprogram {@code long name(void *ctx)} per program and a
 * location per instruction. LLVM's BPF target turns it into BTF func_info and line_info, which is how the Java lines
 * survive optimization into the object.
 */
final class DebugInfo {
    private final ModuleLowering m;
    final LLVMDIBuilderRef dib;
    final LLVMMetadataRef unitFile;
    final LLVMMetadataRef intType;
    private final LLVMMetadataRef functionType;
    private final LLVMMetadataRef voidPtr;
    private final LLVMMetadataRef longType;
    private final String defaultFile;

    private final String sourceDirectory;

    /** {@code sourceDirectory}: where the probe's .java files are, so LLVM can put the line text into line_info; or null. */
    DebugInfo(ModuleLowering module, MirObject object, java.nio.file.Path sourceDirectory) {
        this.m = module;
        this.sourceDirectory = sourceDirectory == null ? "" : sourceDirectory.toAbsolutePath().normalize().toString();
        this.dib = LLVMCreateDIBuilder(module.module);
        this.defaultFile = firstFile(object);
        LLVMMetadataRef file = file(defaultFile);
        unitFile = file;
        String producer = "jbpf";
        LLVMDIBuilderCreateCompileUnit(dib, LLVMDWARFSourceLanguageC, file, producer, producer.length(), 1, "", 0, 0, "", 0,
                LLVMDWARFEmissionFull, 0, 0, 0, "", 0, "", 0);
        intType = LLVMDIBuilderCreateBasicType(dib, "int", 3, 32, 5 /* DW_ATE_signed */, 0);
        longType = LLVMDIBuilderCreateBasicType(dib, "long", 4, 64, 5 /* DW_ATE_signed */, 0);
        voidPtr = LLVMDIBuilderCreatePointerType(dib, null, 64, 0, 0, "", 0);
        functionType = LLVMDIBuilderCreateSubroutineType(dib, file,
                new PointerPointer<>(new LLVMMetadataRef[] {longType, voidPtr}), 2, 0);
        LLVMAddModuleFlag(module.module, LLVMModuleFlagBehaviorWarning, "Debug Info Version", "Debug Info Version".length(),
                LLVMValueAsMetadata(LLVMConstInt(module.i32, LLVMDebugMetadataVersion(), 0)));
        LLVMAddModuleFlag(module.module, LLVMModuleFlagBehaviorWarning, "Dwarf Version", "Dwarf Version".length(),
                LLVMValueAsMetadata(LLVMConstInt(module.i32, 4, 0)));
    }

    private static String firstFile(MirObject object) {
        for (MirProgram p : object.programs())
            for (MirInstruction i : p.code()) if (i.line() != null && !i.line().file().isEmpty()) return i.line().file();
        return object.name() + ".java";
    }

    private LLVMMetadataRef file(String name) {
        return LLVMDIBuilderCreateFile(dib, name, name.length(), sourceDirectory, sourceDirectory.length());
    }

    /** Attaches a subprogram to {@code function}; returns it as the scope of the program's locations. */
    LLVMMetadataRef subprogram(LLVMValueRef function, MirProgram program) {
        SourceLine first = null;
        for (MirInstruction i : program.code()) if (i.line() != null) { first = i.line(); break; }
        String fileName = first != null && !first.file().isEmpty() ? first.file() : defaultFile;
        int line = first != null ? first.line() : 0;
        String name = LLVMGetValueName(function).getString();
        if (program.isFunction()) {
            // a BPF function: long name(long arg1, ..), static
            LLVMMetadataRef[] types = new LLVMMetadataRef[program.parameters() + 1];
            java.util.Arrays.fill(types, longType);
            LLVMMetadataRef type = LLVMDIBuilderCreateSubroutineType(dib, file(fileName), new PointerPointer<>(types), types.length, 0);
            LLVMMetadataRef sp = LLVMDIBuilderCreateFunction(dib, file(fileName), name, name.length(), name, name.length(),
                    file(fileName), line, type, 1, 1, line, 0, 1);
            for (int k = 1; k <= program.parameters(); k++)
                LLVMDIBuilderCreateParameterVariable(dib, sp, "arg" + k, ("arg" + k).length(), k, file(fileName), line, longType, 1, 0);
            LLVMSetSubprogram(function, sp);
            return sp;
        }
        LLVMMetadataRef sp = LLVMDIBuilderCreateFunction(dib, file(fileName), name, name.length(),
                name, name.length(), file(fileName), line, functionType, 0, 1, line, 0, 1);
        // the kernel wants every parameter of a BTF FUNC named; LLVM takes the names from the parameter variables
        LLVMDIBuilderCreateParameterVariable(dib, sp, "ctx", 3, 1, file(fileName), line, voidPtr, 1, 0);
        LLVMSetSubprogram(function, sp);
        return sp;
    }

    /** Makes the builder tag what it creates next with {@code line}. */
    void at(LLVMMetadataRef scope, SourceLine line) {
        LLVMSetCurrentDebugLocation2(m.builder, LLVMDIBuilderCreateDebugLocation(m.context, line.line(), 0, scope, null));
    }

    void finish() {
        LLVMDIBuilderFinalize(dib);
        LLVMDisposeDIBuilder(dib);
    }
}
