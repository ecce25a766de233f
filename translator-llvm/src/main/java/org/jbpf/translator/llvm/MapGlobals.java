package org.jbpf.translator.llvm;

import static org.bytedeco.llvm.global.LLVM.*;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.llvm.LLVM.LLVMMetadataRef;
import org.bytedeco.llvm.LLVM.LLVMTypeRef;
import org.bytedeco.llvm.LLVM.LLVMValueRef;
import org.jbpf.core.obj.MapSpec;
import org.jbpf.core.obj.MapTypes;

/**
 * Map declarations as libbpf expects them from C: a zeroed global in section {@code .maps} whose debug type is an
 * anonymous struct of pointer members ({@code __uint(type, N)} as {@code int (*type)[N]}, {@code __type(key, K)} as
 * {@code K *key}); LLVM's BPF target turns that debug info into the BTF VAR and DATASEC that describe the map. A map
 * whose key or value type has no debug form falls back to a {@code struct bpf_map_def} in the legacy {@code maps}
 * section.
 */
final class MapGlobals {
    private final ModuleLowering m;
    private final DebugInfo debug;
    private final DebugTypes types;

    MapGlobals(ModuleLowering module, DebugInfo debug, DebugTypes types) {
        this.m = module;
        this.debug = debug;
        this.types = types;
    }

    private record Member(String name, LLVMMetadataRef type) {}

    LLVMValueRef define(MapSpec map) {
        List<Member> members;
        try {
            members = members(map);
        } catch (DebugTypes.Unsupported e) {
            return legacy(map);
        }
        LLVMTypeRef[] fields = new LLVMTypeRef[members.size()];
        java.util.Arrays.fill(fields, m.ptr);
        LLVMTypeRef struct = LLVMStructTypeInContext(m.context, new PointerPointer<>(fields), fields.length, 0);
        LLVMValueRef g = LLVMAddGlobal(m.module, struct, map.name());
        LLVMSetInitializer(g, LLVMConstNull(struct));
        LLVMSetSection(g, ".maps");
        LLVMSetAlignment(g, 8);

        LLVMMetadataRef[] elements = new LLVMMetadataRef[members.size()];
        for (int k = 0; k < elements.length; k++) {
            Member mem = members.get(k);
            elements[k] = LLVMDIBuilderCreateMemberType(debug.dib, debug.unitFile, mem.name(), mem.name().length(), debug.unitFile, 0,
                    64, 64, 64L * k, 0, mem.type());
        }
        LLVMMetadataRef def = LLVMDIBuilderCreateStructType(debug.dib, debug.unitFile, "", 0, debug.unitFile, 0, 64L * elements.length,
                64, 0, null, new PointerPointer<>(elements), elements.length, 0, null, "", 0);
        LLVMMetadataRef var = LLVMDIBuilderCreateGlobalVariableExpression(debug.dib, debug.unitFile, map.name(), map.name().length(),
                map.name(), map.name().length(), debug.unitFile, 0, def, 0, LLVMDIBuilderCreateExpression(debug.dib, (long[]) null, 0),
                null, 64);
        LLVMGlobalSetMetadata(g, LLVMGetMDKindIDInContext(m.context, "dbg", 3), var);
        return g;
    }

    /** The members libbpf's macros give the map's declaration; the same choice as the direct backend's writer. */
    private List<Member> members(MapSpec map) {
        List<Member> out = new ArrayList<>();
        out.add(new Member("type", number(map.type())));
        out.add(new Member("max_entries", number(map.maxEntries())));
        if (map.type() == MapTypes.PERF_EVENT_ARRAY) {
            out.add(new Member("key_size", number(4)));
            out.add(new Member("value_size", number(4)));
        } else if (map.type() != MapTypes.RINGBUF) {
            out.add(map.btfKeyType() != 0 ? new Member("key", pointer(map.btfKeyType())) : new Member("key_size", number(map.keySize())));
            out.add(map.btfValueType() != 0 ? new Member("value", pointer(map.btfValueType()))
                    : new Member("value_size", number(map.valueSize())));
        }
        if (map.flags() != 0) out.add(new Member("map_flags", number(map.flags())));
        if (map.pinning() == MapSpec.Pinning.BY_NAME) out.add(new Member("pinning", number(1)));
        return out;
    }

    private LLVMMetadataRef number(int n) { return types.number(n, debug.intType); }

    private LLVMMetadataRef pointer(int btfType) {
        return LLVMDIBuilderCreatePointerType(debug.dib, types.of(btfType), 64, 0, 0, "", 0);
    }

    /** {@code struct bpf_map_def} in section {@code maps}: no BTF, read by jbpf's object reader (not by libbpf 1.x). */
    private LLVMValueRef legacy(MapSpec map) {
        LLVMValueRef g = LLVMAddGlobal(m.module, LLVMArrayType(m.i32, 5), map.name());
        int[] fields = {map.type(), map.keySize(), map.valueSize(), map.maxEntries(), map.flags()};
        LLVMValueRef[] values = new LLVMValueRef[fields.length];
        for (int k = 0; k < fields.length; k++) values[k] = LLVMConstInt(m.i32, fields[k] & 0xffffffffL, 0);
        LLVMSetInitializer(g, LLVMConstArray(m.i32, new PointerPointer<>(values), values.length));
        LLVMSetSection(g, "maps");
        LLVMSetAlignment(g, 4);
        return g;
    }
}
