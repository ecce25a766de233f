package org.jbpf.core.btf;

import static org.jbpf.core.btf.BtfType.*;

import java.util.ArrayList;
import java.util.List;
import org.jbpf.core.elf.ByteSource;
import org.jbpf.core.obj.ObjectFormatException;

/**
 * Decodes the raw bytes of a {@code .BTF} section into a {@link Btf}. Every kind up to ENUM64 is understood;
 * anything malformed (bad magic, sections beyond the data, unknown kinds, string offsets outside the string
 * section, type ids that do not exist) is reported as an {@link ObjectFormatException} with the byte offset.
 */
public final class BtfReader {
    private BtfReader() {}

    /** The decoded types and access to the string section by offset. */
    public static final class Decoded {
        private final Btf btf;
        private final ByteSource src;
        private final long strStart, strEnd;

        Decoded(Btf btf, ByteSource src, long strStart, long strEnd) {
            this.btf = btf;
            this.src = src;
            this.strStart = strStart;
            this.strEnd = strEnd;
        }

        public Btf btf() { return btf; }

        /** The string at {@code offset} of the string section; a bad offset is an {@link ObjectFormatException}. */
        public String string(long offset) {
            if (offset < 0 || offset >= strEnd - strStart)
                throw src.error(strStart + offset, "string offset " + offset + " is outside the BTF string section");
            return src.cstring(strStart + offset, strEnd, "BTF string at offset " + offset);
        }
    }

    public static Decoded read(byte[] data) { return read(data, ".BTF"); }

    /** Decodes {@code data}; {@code where} (e.g. "probe.o section .BTF") prefixes error messages. */
    public static Decoded read(byte[] data, String where) {
        try {
            return decode(data, where);
        } catch (ObjectFormatException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            // a gap in the checks below must still surface as a format error, never as an internal exception
            throw new ObjectFormatException(where + ": malformed BTF (" + e + ")", e);
        }
    }

    private static Decoded decode(byte[] data, String where) {
        ByteSource in = new ByteSource(data, where);
        int magic = in.u16(0, "BTF magic");
        if (magic == 0x9FeB) throw in.error(0, "big-endian BTF is not supported");
        if (magic != BtfWriter.MAGIC) throw in.error(0, String.format("bad BTF magic 0x%04x (expected 0xeb9f)", magic));
        int version = in.u8(2, "BTF version");
        if (version != 1) throw in.error(2, "unsupported BTF version " + version);
        long hdrLen = in.u32(4, "BTF header length");
        if (hdrLen < BtfWriter.HEADER_LEN || hdrLen > data.length) throw in.error(4, "bad BTF header length " + hdrLen);
        long typeOff = in.u32(8, "type section offset"), typeLen = in.u32(12, "type section length");
        long strOff = in.u32(16, "string section offset"), strLen = in.u32(20, "string section length");
        long typeStart = hdrLen + typeOff, strStart = hdrLen + strOff;
        in.check(typeStart, typeLen, "BTF type section");
        in.check(strStart, strLen, "BTF string section");
        if (strLen == 0 || in.u8(strStart, "first string") != 0) throw in.error(strStart, "BTF string section must start with the empty string");
        if (in.u8(strStart + strLen - 1, "last string byte") != 0) throw in.error(strStart + strLen - 1, "BTF string section is not NUL-terminated");

        Decoded decoded = new Decoded(new Btf(), in, strStart, strStart + strLen);
        TypeParser parser = new TypeParser(in, decoded);
        long pos = typeStart, end = typeStart + typeLen;
        List<Long> starts = new ArrayList<>();
        while (pos < end) {
            starts.add(pos);
            pos = parser.parse(pos, end);
        }
        checkReferences(decoded.btf, starts, in);
        return decoded;
    }

    private static final class TypeParser {
        private final ByteSource in;
        private final Decoded d;

        TypeParser(ByteSource in, Decoded d) { this.in = in; this.d = d; }

        // messages are built only on error: a kernel's BTF has a million names and members to read
        private String name(long off, int id) {
            long nameOff = in.u32(off, "BTF name offset");
            try {
                return d.string(nameOff);
            } catch (ObjectFormatException e) {
                throw in.error(off, "BTF type " + id + " has a bad name offset " + nameOff);
            }
        }

        private void need(long pos, long len, long end, int id) {
            if (pos + len > end) throw in.error(pos, "BTF type " + id + " runs past the end of the type section");
        }

        /** Parses one type record at {@code pos}, adds it to the table and returns the position of the next one. */
        long parse(long pos, long end) {
            int id = d.btf.size() + 1;
            need(pos, 12, end, id);
            String name = name(pos, id);
            long info = in.u32(pos + 4, "BTF type info");
            long sizeOrType = in.u32(pos + 8, "BTF type size/type");
            int kind = (int) (info >>> 24) & 0x1f;
            int vlen = (int) (info & 0xffff);
            boolean kindFlag = (info & (1L << 31)) != 0;
            int ref = (int) sizeOrType;
            long p = pos + 12;
            BtfType t;
            switch (kind) {
                case KIND_INT: {
                    need(p, 4, end, id);
                    long enc = in.u32(p, "BTF int encoding");
                    t = new IntType(name, ref, (int) (enc >>> 24) & 0xf, (int) (enc >>> 16) & 0xff, (int) (enc & 0xff));
                    p += 4;
                    break;
                }
                case KIND_PTR: t = new Ptr(ref); break;
                case KIND_ARRAY: {
                    need(p, 12, end, id);
                    t = new BtfType.Array(in.s32(p, "array element type"), in.s32(p + 4, "array index type"), in.s32(p + 8, "array length"));
                    p += 12;
                    break;
                }
                case KIND_STRUCT:
                case KIND_UNION: {
                    need(p, 12L * vlen, end, id);
                    List<Member> members = new ArrayList<>(vlen);
                    for (int i = 0; i < vlen; i++, p += 12) {
                        String mName = name(p, id);
                        int mType = in.s32(p + 4, "member type");
                        long off = in.u32(p + 8, "member offset");
                        members.add(kindFlag ? new Member(mName, mType, (int) (off & 0xffffff), (int) (off >>> 24))
                                : new Member(mName, mType, (int) off, 0));
                    }
                    t = kind == KIND_STRUCT ? new Struct(name, ref, members) : new Union(name, ref, members);
                    break;
                }
                case KIND_ENUM: {
                    need(p, 8L * vlen, end, id);
                    List<EnumValue> values = new ArrayList<>(vlen);
                    for (int i = 0; i < vlen; i++, p += 8) {
                        String vName = name(p, id);
                        long v = kindFlag ? in.s32(p + 4, "enum value") : in.u32(p + 4, "enum value");
                        values.add(new EnumValue(vName, v));
                    }
                    t = new BtfType.Enum(name, ref, kindFlag, values);
                    break;
                }
                case KIND_ENUM64: {
                    need(p, 12L * vlen, end, id);
                    List<EnumValue> values = new ArrayList<>(vlen);
                    for (int i = 0; i < vlen; i++, p += 12) {
                        String vName = name(p, id);
                        long v = in.u32(p + 4, "enum64 low") | in.u32(p + 8, "enum64 high") << 32;
                        values.add(new EnumValue(vName, v));
                    }
                    t = new Enum64(name, ref, kindFlag, values);
                    break;
                }
                case KIND_FWD: t = new Fwd(name, kindFlag); break;
                case KIND_TYPEDEF: t = new Typedef(name, ref); break;
                case KIND_VOLATILE: t = new Volatile(ref); break;
                case KIND_CONST: t = new Const(ref); break;
                case KIND_RESTRICT: t = new Restrict(ref); break;
                case KIND_TYPE_TAG: t = new TypeTag(name, ref); break;
                case KIND_DECL_TAG: {
                    need(p, 4, end, id);
                    t = new DeclTag(name, ref, in.s32(p, "decl tag component index"));
                    p += 4;
                    break;
                }
                case KIND_FUNC: t = new Func(name, ref, vlen); break;
                case KIND_FUNC_PROTO: {
                    need(p, 8L * vlen, end, id);
                    List<Param> params = new ArrayList<>(vlen);
                    for (int i = 0; i < vlen; i++, p += 8)
                        params.add(new Param(name(p, id), in.s32(p + 4, "parameter type")));
                    t = new FuncProto(ref, params);
                    break;
                }
                case KIND_VAR: {
                    need(p, 4, end, id);
                    t = new Var(name, ref, in.s32(p, "var linkage"));
                    p += 4;
                    break;
                }
                case KIND_DATASEC: {
                    need(p, 12L * vlen, end, id);
                    List<VarSecInfo> vars = new ArrayList<>(vlen);
                    for (int i = 0; i < vlen; i++, p += 12)
                        vars.add(new VarSecInfo(in.s32(p, "datasec var type"), in.s32(p + 4, "datasec var offset"), in.s32(p + 8, "datasec var size")));
                    t = new Datasec(name, ref, vars);
                    break;
                }
                case KIND_FLOAT: t = new FloatType(name, ref); break;
                default:
                    throw in.error(pos + 4, "BTF type " + id + " has unknown kind " + kind);
            }
            d.btf.add(t);
            return p;
        }
    }

    /** Every type id a record mentions must exist, so later lookups in the table cannot fail. */
    private static void checkReferences(Btf btf, List<Long> starts, ByteSource in) {
        int n = btf.size();
        for (int id = 1; id <= n; id++) {
            BtfType t = btf.type(id);
            for (int ref : references(t)) {
                if (ref < 0 || ref > n)
                    throw in.error(starts.get(id - 1), "BTF type " + id + " refers to type " + (ref & 0xffffffffL) + " but only " + n + " exist");
            }
        }
    }

    static int[] references(BtfType t) {
        if (t instanceof Ptr p) return new int[] {p.type()};
        if (t instanceof BtfType.Array a) return new int[] {a.elemType(), a.indexType()};
        if (t instanceof Struct s) return s.members().stream().mapToInt(Member::type).toArray();
        if (t instanceof Union u) return u.members().stream().mapToInt(Member::type).toArray();
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
        if (t instanceof Datasec d) return d.vars().stream().mapToInt(VarSecInfo::type).toArray();
        return new int[0];
    }
}
