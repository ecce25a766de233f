package org.jbpf.core.btf;

import org.jbpf.core.elf.ByteSource;
import org.jbpf.core.obj.ObjectFormatException;

/**
 * Decodes the raw bytes of a {@code .BTF} section into a {@link Btf}. Every kind up to ENUM64 is understood;
 * anything malformed (bad magic, sections beyond the data, unknown kinds, string offsets outside the string
 * section, type ids that do not exist) is reported as an {@link ObjectFormatException} with the byte offset.
 * {@link #read} decodes every type at once (an object's few hundred); {@link #readLazily} only finds where each
 * record starts and decodes a type when it is first asked for (a kernel's hundred thousand).
 */
public final class BtfReader {
    private BtfReader() {}

    /** The decoded types and access to the string section by offset. */
    public static final class Decoded {
        private final Btf btf;
        private final BtfRecords records;

        Decoded(Btf btf, BtfRecords records) {
            this.btf = btf;
            this.records = records;
        }

        public Btf btf() { return btf; }

        /** The string at {@code offset} of the string section; a bad offset is an {@link ObjectFormatException}. */
        public String string(long offset) { return records.string(offset); }

        /** The source text at {@code offset} (a line_info line, which may hold tabs); bad offsets as for names. */
        public String text(long offset) { return records.text(offset); }
    }

    /** Where the type and string sections of a BTF blob lie, checked against its length. */
    record Layout(ByteSource in, long typeStart, long typeEnd, long strStart, long strEnd) {}

    public static Decoded read(byte[] data) { return read(data, ".BTF"); }

    /** Decodes {@code data}; {@code where} (e.g. "probe.o section .BTF") prefixes error messages. */
    public static Decoded read(byte[] data, String where) {
        try {
            return decode(layout(data, where));
        } catch (ObjectFormatException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            // a gap in the checks below must still surface as a format error, never as an internal exception
            throw new ObjectFormatException(where + ": malformed BTF (" + e + ")", e);
        }
    }

    /**
     * The types of {@code data} as a table that decodes each on first use. The header, every record's kind and length
     * and every type's name offset are checked now; a record's other fields (member names, referred type ids) when
     * it is decoded, as the same {@link ObjectFormatException}s {@link #read} gives.
     */
    public static Btf readLazily(byte[] data, String where) {
        try {
            return new Btf(new LazyTypes(data, layout(data, where)));
        } catch (ObjectFormatException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ObjectFormatException(where + ": malformed BTF (" + e + ")", e);
        }
    }

    static Layout layout(byte[] data, String where) {
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
        return new Layout(in, typeStart, typeStart + typeLen, strStart, strStart + strLen);
    }

    private static Decoded decode(Layout l) {
        BtfRecords records = new BtfRecords(l.in(), l.strStart(), l.strEnd());
        Btf btf = new Btf();
        long[] starts = new long[64];
        for (long pos = l.typeStart(); pos < l.typeEnd(); ) {
            int id = btf.size() + 1;
            if (id == starts.length) starts = java.util.Arrays.copyOf(starts, id * 2);
            starts[id] = pos;
            btf.add(records.decode(pos, l.typeEnd(), id));
            pos = records.end(pos, l.typeEnd(), id);
        }
        // every type id a record mentions must exist, so later lookups in the table cannot fail
        for (int id = 1; id <= btf.size(); id++) records.checkReferences(btf.type(id), id, btf.size(), starts[id]);
        // and none may contain itself, or following its types would never end
        TypeLoops.Loop loop = TypeLoops.findAny(btf);
        if (loop != null)
            throw l.in().error(starts[loop.id()], "BTF types contain themselves: " + loop.path() + "; a type may refer to itself only through a pointer");
        return new Decoded(btf, records);
    }
}
