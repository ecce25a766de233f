package org.jbpf.translator.llvm;

import static org.bytedeco.llvm.global.LLVM.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.llvm.LLVM.LLVMDIBuilderRef;
import org.bytedeco.llvm.LLVM.LLVMMetadataRef;
import org.jbpf.core.btf.Btf;
import org.jbpf.core.btf.BtfType;

/**
 * The probe's BTF key and value types as LLVM debug types, so that LLVM's BPF target writes them back into the
 * object's BTF for the map declarations. Covers what the translator emits: integers, char arrays, structs, and
 * pointers and typedefs of those.
 */
final class DebugTypes {
    /** A BTF type this converter does not cover; the map then goes without BTF. */
    static final class Unsupported extends RuntimeException {
        Unsupported(String what) { super(what, null, false, false); }
    }

    private final LLVMDIBuilderRef dib;
    private final LLVMMetadataRef file;
    private final Btf btf;
    private final Map<Integer, LLVMMetadataRef> done = new HashMap<>();

    DebugTypes(LLVMDIBuilderRef dib, LLVMMetadataRef file, Btf btf) {
        this.dib = dib;
        this.file = file;
        this.btf = btf;
    }

    LLVMMetadataRef of(int id) {
        if (id == 0) return null;
        LLVMMetadataRef known = done.get(id);
        if (known != null) return known;
        LLVMMetadataRef t = convert(id, btf.type(id));
        done.put(id, t);
        return t;
    }

    private LLVMMetadataRef convert(int id, BtfType t) {
        if (t instanceof BtfType.IntType i) {
            if (i.bitOffset() != 0 || i.bits() != i.size() * 8) throw new Unsupported("bit-field integer " + i.name());
            return LLVMDIBuilderCreateBasicType(dib, i.name(), i.name().length(), i.size() * 8L, encoding(i.encoding()), 0);
        }
        if (t instanceof BtfType.Ptr p) return LLVMDIBuilderCreatePointerType(dib, of(p.type()), 64, 0, 0, "", 0);
        if (t instanceof BtfType.Typedef d)
            return LLVMDIBuilderCreateTypedef(dib, of(d.type()), d.name(), d.name().length(), file, 0, file, 0);
        if (t instanceof BtfType.Array a) {
            long elem = size(a.elemType());
            LLVMMetadataRef range = LLVMDIBuilderGetOrCreateSubrange(dib, 0, a.nelems());
            return LLVMDIBuilderCreateArrayType(dib, elem * a.nelems() * 8, (int) Math.min(elem, 8) * 8, of(a.elemType()),
                    new PointerPointer<>(new LLVMMetadataRef[] {range}), 1);
        }
        if (t instanceof BtfType.Struct s) {
            List<LLVMMetadataRef> members = new ArrayList<>();
            for (BtfType.Member m : s.members()) {
                if (m.bitfieldSize() != 0) throw new Unsupported("bit-field member " + s.name() + "." + m.name());
                members.add(LLVMDIBuilderCreateMemberType(dib, file, m.name(), m.name().length(), file, 0, size(m.type()) * 8,
                        0, m.bitOffset(), 0, of(m.type())));
            }
            return LLVMDIBuilderCreateStructType(dib, file, s.name(), s.name().length(), file, 0, s.size() * 8L, 64, 0, null,
                    new PointerPointer<>(members.toArray(new LLVMMetadataRef[0])), members.size(), 0, null, "", 0);
        }
        throw new Unsupported("BTF type " + id + " of kind " + t.kind());
    }

    private long size(int id) {
        long s;
        try {
            s = btf.sizeOf(id);
        } catch (RuntimeException e) {
            throw new Unsupported("BTF type " + id + " has no size");
        }
        if (s <= 0) throw new Unsupported("BTF type " + id + " has no size");
        return s;
    }

    /** DWARF base type encoding of a BTF INT encoding. */
    private static int encoding(int btfEncoding) {
        if ((btfEncoding & BtfType.INT_BOOL) != 0) return 2;                        // DW_ATE_boolean
        boolean signed = (btfEncoding & BtfType.INT_SIGNED) != 0;
        if ((btfEncoding & BtfType.INT_CHAR) != 0) return signed ? 6 : 8;           // DW_ATE_signed_char, unsigned_char
        return signed ? 5 : 7;                                                      // DW_ATE_signed, unsigned
    }

    /** {@code int (*)[n]}: how libbpf's {@code __uint} macro carries a number in a type. */
    LLVMMetadataRef number(int n, LLVMMetadataRef intType) {
        LLVMMetadataRef range = LLVMDIBuilderGetOrCreateSubrange(dib, 0, n);
        LLVMMetadataRef array = LLVMDIBuilderCreateArrayType(dib, 32L * n, 32, intType, new PointerPointer<>(new LLVMMetadataRef[] {range}), 1);
        return LLVMDIBuilderCreatePointerType(dib, array, 64, 0, 0, "", 0);
    }
}
