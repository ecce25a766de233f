package org.jbpf.core.btf;

import static org.jbpf.core.btf.BtfType.*;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jbpf.core.elf.ByteSink;

/**
 * Encodes a {@link Btf} table as the raw bytes of a {@code .BTF} section, the same bytes {@code BPF_BTF_LOAD}
 * takes: a 24-byte header (magic 0xeB9F, version 1), the type records, then the string section.
 */
public final class BtfWriter {
    private BtfWriter() {}

    public static final int MAGIC = 0xeB9F;
    public static final int HEADER_LEN = 24;

    /** Encoded BTF plus the string table offsets of every name and extra string it holds. */
    public static final class Encoded {
        private final byte[] bytes;
        private final Map<String, Integer> strings;

        Encoded(byte[] bytes, Map<String, Integer> strings) {
            this.bytes = bytes;
            this.strings = strings;
        }

        /** The complete section: header, types, strings. */
        public byte[] bytes() { return bytes.clone(); }

        /** Offset of {@code s} in the string section; the string must be a type name or one of the extra strings. */
        public int stringOffset(String s) {
            Integer off = strings.get(s == null ? "" : s);
            if (off == null) throw new IllegalArgumentException("string not in the BTF string table: \"" + s + "\"");
            return off;
        }

        public boolean hasString(String s) { return strings.containsKey(s == null ? "" : s); }
    }

    public static Encoded encode(Btf btf) { return encode(btf, List.of()); }

    /**
     * Encodes {@code btf}; {@code extraStrings} (e.g. line_info file names and source texts, section names of
     * .BTF.ext records) are added to the string section after the type names.
     */
    public static Encoded encode(Btf btf, Collection<String> extraStrings) {
        BtfStrings strings = new BtfStrings();
        ByteSink types = new ByteSink();
        int id = 1;
        for (BtfType t : btf.types()) {
            try {
                encodeType(t, types, strings);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("cannot encode BTF type " + id + " (" + t + "): " + e.getMessage(), e);
            }
            id++;
        }
        for (String s : extraStrings) strings.add(s);
        byte[] typeBytes = types.toByteArray();
        byte[] strBytes = strings.toByteArray();
        ByteSink out = new ByteSink();
        out.u16(MAGIC).u8(1).u8(0).u32(HEADER_LEN);
        out.u32(0).u32(typeBytes.length);
        out.u32(typeBytes.length).u32(strBytes.length);
        out.bytes(typeBytes).bytes(strBytes);
        return new Encoded(out.toByteArray(), Map.copyOf(strings.offsets()));
    }

    private static long info(int kind, int vlen, boolean kindFlag) {
        if (vlen < 0 || vlen > 0xffff) throw new IllegalArgumentException("too many members/values: " + vlen);
        return (long) kind << 24 | vlen | (kindFlag ? 1L << 31 : 0);
    }

    private static void header(ByteSink out, BtfStrings s, String name, int kind, int vlen, boolean kindFlag, long sizeOrType) {
        out.u32(s.add(name)).u32(info(kind, vlen, kindFlag)).u32(sizeOrType);
    }

    private static void encodeType(BtfType t, ByteSink out, BtfStrings s) {
        if (t instanceof IntType i) {
            header(out, s, i.name(), KIND_INT, 0, false, i.size());
            out.u32((long) (i.encoding() & 0xf) << 24 | (long) (i.bitOffset() & 0xff) << 16 | (i.bits() & 0xff));
        } else if (t instanceof Ptr p) {
            header(out, s, "", KIND_PTR, 0, false, p.type());
        } else if (t instanceof BtfType.Array a) {
            header(out, s, "", KIND_ARRAY, 0, false, 0);
            out.u32(a.elemType()).u32(a.indexType()).u32(a.nelems());
        } else if (t instanceof Struct st) {
            members(out, s, st.name(), KIND_STRUCT, st.size(), st.members());
        } else if (t instanceof Union u) {
            members(out, s, u.name(), KIND_UNION, u.size(), u.members());
        } else if (t instanceof BtfType.Enum e) {
            header(out, s, e.name(), KIND_ENUM, e.values().size(), e.signed(), e.size());
            for (EnumValue v : e.values()) out.u32(s.add(v.name())).u32(v.value());
        } else if (t instanceof Enum64 e) {
            header(out, s, e.name(), KIND_ENUM64, e.values().size(), e.signed(), e.size());
            for (EnumValue v : e.values()) out.u32(s.add(v.name())).u32(v.value()).u32(v.value() >>> 32);
        } else if (t instanceof Fwd f) {
            header(out, s, f.name(), KIND_FWD, 0, f.union(), 0);
        } else if (t instanceof Typedef td) {
            header(out, s, td.name(), KIND_TYPEDEF, 0, false, td.type());
        } else if (t instanceof Volatile v) {
            header(out, s, "", KIND_VOLATILE, 0, false, v.type());
        } else if (t instanceof Const c) {
            header(out, s, "", KIND_CONST, 0, false, c.type());
        } else if (t instanceof Restrict r) {
            header(out, s, "", KIND_RESTRICT, 0, false, r.type());
        } else if (t instanceof TypeTag tt) {
            header(out, s, tt.name(), KIND_TYPE_TAG, 0, false, tt.type());
        } else if (t instanceof DeclTag dt) {
            header(out, s, dt.name(), KIND_DECL_TAG, 0, false, dt.type());
            out.u32(dt.componentIdx());
        } else if (t instanceof Func f) {
            header(out, s, f.name(), KIND_FUNC, f.linkage(), false, f.type());
        } else if (t instanceof FuncProto fp) {
            header(out, s, "", KIND_FUNC_PROTO, fp.params().size(), false, fp.returnType());
            for (Param p : fp.params()) out.u32(s.add(p.name())).u32(p.type());
        } else if (t instanceof Var v) {
            header(out, s, v.name(), KIND_VAR, 0, false, v.type());
            out.u32(v.linkage());
        } else if (t instanceof Datasec d) {
            header(out, s, d.name(), KIND_DATASEC, d.vars().size(), false, d.size());
            for (VarSecInfo v : d.vars()) out.u32(v.type()).u32(v.offset()).u32(v.size());
        } else if (t instanceof FloatType f) {
            header(out, s, f.name(), KIND_FLOAT, 0, false, f.size());
        } else {
            throw new IllegalArgumentException("unknown BTF type " + t);
        }
    }

    /** Struct and union members; any bitfield member switches the whole type to the kind_flag offset encoding. */
    private static void members(ByteSink out, BtfStrings s, String name, int kind, int size, List<Member> members) {
        boolean bitfields = false;
        for (BtfType.Member m : members) bitfields |= m.bitfieldSize() != 0;
        header(out, s, name, kind, members.size(), bitfields, size);
        for (Member m : members) {
            long offset;
            if (bitfields) {
                if (m.bitOffset() >= 1 << 24 || m.bitfieldSize() > 0xff)
                    throw new IllegalArgumentException("bitfield member " + m.name() + " out of range");
                offset = (long) m.bitfieldSize() << 24 | m.bitOffset();
            } else {
                offset = m.bitOffset() & 0xffffffffL;
            }
            out.u32(s.add(m.name())).u32(m.type()).u32(offset);
        }
    }
}
