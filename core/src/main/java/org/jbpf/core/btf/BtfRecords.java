package org.jbpf.core.btf;

import static org.jbpf.core.btf.BtfType.*;

import java.util.ArrayList;
import java.util.List;
import org.jbpf.core.elf.ByteSource;
import org.jbpf.core.obj.ObjectFormatException;

/**
 * Decodes single type records of a BTF type section: how long a record is from its header alone, and the
 * {@link BtfType} it holds. Stateless apart from the bytes, so records may be decoded in any order and from several
 * threads, as the lazily decoded kernel table does.
 */
final class BtfRecords {
    private final ByteSource in;
    private final long strStart, strEnd;

    BtfRecords(ByteSource in, long strStart, long strEnd) {
        this.in = in;
        this.strStart = strStart;
        this.strEnd = strEnd;
    }

    /** The string at {@code offset} of the string section; a bad offset is an {@link ObjectFormatException}. */
    String string(long offset) {
        return in.cstring(inSection(offset), strEnd, "BTF string at offset " + offset);
    }

    /** The source text at {@code offset} of the string section (a line_info line): any bytes but NUL. */
    String text(long offset) {
        return in.text(inSection(offset), strEnd, "BTF string at offset " + offset);
    }

    /** The position of the string at {@code offset}, which must lie in the string section. */
    private long inSection(long offset) {
        if (offset < 0 || offset >= strEnd - strStart)
            throw in.error(strStart + offset, "string offset " + offset + " is outside the BTF string section");
        return strStart + offset;
    }

    /** Bytes of a record of this kind with {@code vlen} entries, header included; -1 for a kind this reader does not know. */
    static long length(int kind, int vlen) {
        switch (kind) {
            case KIND_INT: case KIND_DECL_TAG: case KIND_VAR: return 16;
            case KIND_ARRAY: return 24;
            case KIND_STRUCT: case KIND_UNION: case KIND_ENUM64: case KIND_DATASEC: return 12 + 12L * vlen;
            case KIND_ENUM: case KIND_FUNC_PROTO: return 12 + 8L * vlen;
            case KIND_PTR: case KIND_FWD: case KIND_TYPEDEF: case KIND_VOLATILE: case KIND_CONST: case KIND_RESTRICT:
            case KIND_TYPE_TAG: case KIND_FUNC: case KIND_FLOAT: return 12;
            default: return -1;
        }
    }

    /**
     * The end of the record of type {@code id} at {@code pos}, checked to lie before {@code end} (the end of the type
     * section) and to have a known kind.
     */
    long end(long pos, long end, int id) {
        need(pos, 12, end, id);
        long info = in.u32(pos + 4, "BTF type info");
        int kind = (int) (info >>> 24) & 0x1f;
        long len = length(kind, (int) (info & 0xffff));
        if (len < 0) throw in.error(pos + 4, "BTF type " + id + " has unknown kind " + kind);
        need(pos, len, end, id);
        return pos + len;
    }

    // messages are built only on error: a kernel's BTF has a million names and members to read
    private String name(long off, int id) {
        long nameOff = in.u32(off, "BTF name offset");
        try {
            return string(nameOff);
        } catch (ObjectFormatException e) {
            throw in.error(off, "BTF type " + id + " has a bad name offset " + nameOff);
        }
    }

    private void need(long pos, long len, long end, int id) {
        if (pos + len > end) throw in.error(pos, "BTF type " + id + " runs past the end of the type section");
    }

    /** The type record {@code id} at {@code pos}, which must end before {@code end}. */
    BtfType decode(long pos, long end, int id) {
        end(pos, end, id);
        String name = name(pos, id);
        long info = in.u32(pos + 4, "BTF type info");
        int ref = in.s32(pos + 8, "BTF type size/type");
        int kind = (int) (info >>> 24) & 0x1f;
        int vlen = (int) (info & 0xffff);
        boolean kindFlag = (info & (1L << 31)) != 0;
        long p = pos + 12;
        switch (kind) {
            case KIND_INT: {
                long enc = in.u32(p, "BTF int encoding");
                return new IntType(name, ref, (int) (enc >>> 24) & 0xf, (int) (enc >>> 16) & 0xff, (int) (enc & 0xff));
            }
            case KIND_PTR: return new Ptr(ref);
            case KIND_ARRAY: return new BtfType.Array(in.s32(p, "array element type"), in.s32(p + 4, "array index type"), in.s32(p + 8, "array length"));
            case KIND_STRUCT:
            case KIND_UNION: {
                List<Member> members = new ArrayList<>(vlen);
                for (int i = 0; i < vlen; i++, p += 12) {
                    String mName = name(p, id);
                    int mType = in.s32(p + 4, "member type");
                    long off = in.u32(p + 8, "member offset");
                    members.add(kindFlag ? new Member(mName, mType, (int) (off & 0xffffff), (int) (off >>> 24))
                            : new Member(mName, mType, (int) off, 0));
                }
                return kind == KIND_STRUCT ? new Struct(name, ref, members) : new Union(name, ref, members);
            }
            case KIND_ENUM: {
                List<EnumValue> values = new ArrayList<>(vlen);
                for (int i = 0; i < vlen; i++, p += 8) {
                    String vName = name(p, id);
                    long v = kindFlag ? in.s32(p + 4, "enum value") : in.u32(p + 4, "enum value");
                    values.add(new EnumValue(vName, v));
                }
                return new BtfType.Enum(name, ref, kindFlag, values);
            }
            case KIND_ENUM64: {
                List<EnumValue> values = new ArrayList<>(vlen);
                for (int i = 0; i < vlen; i++, p += 12) {
                    String vName = name(p, id);
                    long v = in.u32(p + 4, "enum64 low") | in.u32(p + 8, "enum64 high") << 32;
                    values.add(new EnumValue(vName, v));
                }
                return new Enum64(name, ref, kindFlag, values);
            }
            case KIND_FWD: return new Fwd(name, kindFlag);
            case KIND_TYPEDEF: return new Typedef(name, ref);
            case KIND_VOLATILE: return new Volatile(ref);
            case KIND_CONST: return new Const(ref);
            case KIND_RESTRICT: return new Restrict(ref);
            case KIND_TYPE_TAG: return new TypeTag(name, ref);
            case KIND_DECL_TAG: return new DeclTag(name, ref, in.s32(p, "decl tag component index"));
            case KIND_FUNC: return new Func(name, ref, vlen);
            case KIND_FUNC_PROTO: {
                List<Param> params = new ArrayList<>(vlen);
                for (int i = 0; i < vlen; i++, p += 8)
                    params.add(new Param(name(p, id), in.s32(p + 4, "parameter type")));
                return new FuncProto(ref, params);
            }
            case KIND_VAR: return new Var(name, ref, in.s32(p, "var linkage"));
            case KIND_DATASEC: {
                List<VarSecInfo> vars = new ArrayList<>(vlen);
                for (int i = 0; i < vlen; i++, p += 12)
                    vars.add(new VarSecInfo(in.s32(p, "datasec var type"), in.s32(p + 4, "datasec var offset"), in.s32(p + 8, "datasec var size")));
                return new Datasec(name, ref, vars);
            }
            case KIND_FLOAT: return new FloatType(name, ref);
            default: throw in.error(pos + 4, "BTF type " + id + " has unknown kind " + kind);
        }
    }

    /** Fails unless every type id {@code t} (type {@code id}, at {@code pos}) mentions is one of the {@code count} that exist. */
    void checkReferences(BtfType t, int id, int count, long pos) {
        for (int ref : references(t)) {
            if (ref < 0 || ref > count)
                throw in.error(pos, "BTF type " + id + " refers to type " + (ref & 0xffffffffL) + " but only " + count + " exist");
        }
    }

    static int[] references(BtfType t) {
        if (t instanceof Ptr p) return new int[] {p.type()};
        if (t instanceof BtfType.Array a) return new int[] {a.elemType(), a.indexType()};
        if (t instanceof Struct s) return memberTypes(s.members());
        if (t instanceof Union u) return memberTypes(u.members());
        if (t instanceof Typedef td) return new int[] {td.type()};
        if (t instanceof Volatile v) return new int[] {v.type()};
        if (t instanceof Const c) return new int[] {c.type()};
        if (t instanceof Restrict r) return new int[] {r.type()};
        if (t instanceof TypeTag tt) return new int[] {tt.type()};
        if (t instanceof DeclTag dt) return new int[] {dt.type()};
        if (t instanceof Func f) return new int[] {f.type()};
        if (t instanceof FuncProto fp) {
            int[] r = new int[fp.params().size() + 1];
            r[0] = fp.returnType();
            for (int i = 0; i < fp.params().size(); i++) r[i + 1] = fp.params().get(i).type();
            return r;
        }
        if (t instanceof Var v) return new int[] {v.type()};
        if (t instanceof Datasec d) {
            int[] r = new int[d.vars().size()];
            for (int i = 0; i < r.length; i++) r[i] = d.vars().get(i).type();
            return r;
        }
        return new int[0];
    }

    // plain loops, not streams: every object read at start-up passes here, and a stream links method handles
    private static int[] memberTypes(List<Member> members) {
        int[] r = new int[members.size()];
        for (int i = 0; i < r.length; i++) r[i] = members.get(i).type();
        return r;
    }
}
