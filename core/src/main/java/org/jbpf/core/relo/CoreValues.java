package org.jbpf.core.relo;

import org.jbpf.core.btf.Btf;
import org.jbpf.core.btf.BtfType;

/** The number each CO-RE relocation kind asks for, computed from a field, a type or an enumerator in one BTF. */
final class CoreValues {
    private CoreValues() {}

    static final int FIELD_BYTE_OFFSET = 0, FIELD_BYTE_SIZE = 1, FIELD_EXISTS = 2, FIELD_SIGNED = 3, FIELD_LSHIFT_U64 = 4,
            FIELD_RSHIFT_U64 = 5, TYPE_ID_LOCAL = 6, TYPE_ID_TARGET = 7, TYPE_EXISTS = 8, TYPE_SIZE = 9,
            ENUMVAL_EXISTS = 10, ENUMVAL_VALUE = 11;

    static boolean isFieldKind(int kind) { return kind <= FIELD_RSHIFT_U64; }

    static boolean isEnumKind(int kind) { return kind == ENUMVAL_EXISTS || kind == ENUMVAL_VALUE; }

    static boolean isExistence(int kind) { return kind == FIELD_EXISTS || kind == TYPE_EXISTS || kind == ENUMVAL_EXISTS; }

    /**
     * A field relocation's value. A bitfield is read as the smallest aligned load of its type's size (doubled while
     * the bits do not fit) that covers it; the shifts then move its bits to the top and back down of a u64.
     */
    static long field(int kind, FieldSpec f, Btf btf) {
        long bitOff = f.bitOffset();
        int byteSize = (int) btf.sizeOf(f.fieldType());
        long byteOff = bitOff / 8;
        int bitSize = byteSize * 8;
        if (f.isBitfield()) {
            bitSize = f.bitfieldSize();
            byteOff = bitOff / 8 / byteSize * byteSize;
            while (bitOff + bitSize - byteOff * 8 > byteSize * 8L) {
                if (byteSize >= 8) throw new IllegalArgumentException("bitfield " + f.path() + " spans more than 8 bytes");
                byteSize *= 2;
                byteOff = bitOff / 8 / byteSize * byteSize;
            }
        }
        return switch (kind) {
            case FIELD_BYTE_OFFSET -> byteOff;
            case FIELD_BYTE_SIZE -> byteSize;
            case FIELD_EXISTS -> 1;
            case FIELD_SIGNED -> signed(btf.type(btf.resolve(f.fieldType()))) ? 1 : 0;
            case FIELD_LSHIFT_U64 -> 64 - (bitOff + bitSize - byteOff * 8);
            case FIELD_RSHIFT_U64 -> 64 - bitSize;
            default -> throw new IllegalArgumentException("kind " + kind + " is not a field relocation");
        };
    }

    /** The size of a plain field that one load can read (int, enum, pointer), else 0: only those may change width. */
    static int loadableSize(FieldSpec f, Btf btf) {
        if (f.isBitfield()) return 0;
        BtfType t = btf.type(btf.resolve(f.fieldType()));
        if (t instanceof BtfType.IntType || t instanceof BtfType.Ptr || TargetTypes.isEnum(t == null ? 0 : t.kind()))
            return (int) btf.sizeOf(f.fieldType());
        return 0;
    }

    private static boolean signed(BtfType t) {
        if (t instanceof BtfType.IntType i) return (i.encoding() & BtfType.INT_SIGNED) != 0;
        if (t instanceof BtfType.Enum e) return e.signed();
        if (t instanceof BtfType.Enum64 e) return e.signed();
        return false;
    }

    /** A type relocation's value for type {@code id} of {@code btf} (existence is answered by the caller). */
    static long type(int kind, int id, Btf btf) {
        return switch (kind) {
            case TYPE_ID_LOCAL, TYPE_ID_TARGET -> id;
            case TYPE_EXISTS -> 1;
            case TYPE_SIZE -> btf.sizeOf(id);
            default -> throw new IllegalArgumentException("kind " + kind + " is not a type relocation");
        };
    }

    /** The enumerator named {@code name} (by essential name) of enum {@code id}, or null. */
    static BtfType.EnumValue enumerator(Btf btf, int id, String name) {
        BtfType t = btf.type(btf.resolve(id));
        java.util.List<BtfType.EnumValue> values = t instanceof BtfType.Enum e ? e.values() : t instanceof BtfType.Enum64 e ? e.values() : null;
        if (values == null) return null;
        for (BtfType.EnumValue v : values) if (TargetTypes.essentialName(v.name()).equals(name)) return v;
        return null;
    }

    /** The enumerator an access string's single index selects. */
    static BtfType.EnumValue enumeratorAt(Btf btf, int id, String access) {
        BtfType t = btf.type(btf.resolve(id));
        java.util.List<BtfType.EnumValue> values = t instanceof BtfType.Enum e ? e.values() : t instanceof BtfType.Enum64 e ? e.values() : null;
        int[] idx = FieldSpec.indices(access);
        if (values == null || idx.length != 1 || idx[0] >= values.size())
            throw new IllegalArgumentException("access " + access + " selects no enumerator of " + FieldSpec.describe(btf, id));
        return values.get(idx[0]);
    }
}
