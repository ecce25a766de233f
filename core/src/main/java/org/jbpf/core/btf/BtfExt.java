package org.jbpf.core.btf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jbpf.core.elf.ByteSink;
import org.jbpf.core.elf.ByteSource;

/**
 * The {@code .BTF.ext} section of an object file: func_info, line_info and CO-RE relocation records grouped by the
 * name of the code section they describe. Instruction offsets are in bytes from the start of that section, and all
 * string offsets point into the string section of the object's {@code .BTF}. CO-RE relocations are read so the
 * loader can apply them, and written back so libbpf can apply them to an object jbpf wrote.
 */
public record BtfExt(Map<String, List<FuncRecord>> funcInfos, Map<String, List<LineRecord>> lineInfos,
                     Map<String, List<CoreRelo>> coreRelos) {
    public static final int MAGIC = 0xeB9F;
    public static final int HEADER_LEN = 32;
    public static final int FUNC_REC_SIZE = 8, LINE_REC_SIZE = 16, CORE_RELO_REC_SIZE = 16;

    /** A function starting {@code insnOff} bytes into its section, of BTF FUNC type {@code typeId}. */
    public record FuncRecord(int insnOff, int typeId) {}

    /**
     * The source line of the code from {@code insnOff} bytes on: string offsets of file and line text, and
     * {@code lineCol = line << 10 | column}.
     */
    public record LineRecord(int insnOff, int fileNameOff, int lineOff, int lineCol) {
        public int line() { return lineCol >>> 10; }
        public int column() { return lineCol & 0x3ff; }
    }

    /**
     * A CO-RE relocation ({@code struct bpf_core_relo}): the instruction {@code insnOff} bytes into its section needs
     * the value of relocation {@code kind} (see {@link CoreRelocations}) for the local BTF type {@code typeId} along
     * the access string at {@code accessStrOff}, e.g. "0:1:2".
     */
    public record CoreRelo(int insnOff, int typeId, int accessStrOff, int kind) {}

    public BtfExt {
        funcInfos = copy(funcInfos);
        lineInfos = copy(lineInfos);
        coreRelos = copy(coreRelos);
    }

    public BtfExt(Map<String, List<FuncRecord>> funcInfos, Map<String, List<LineRecord>> lineInfos) {
        this(funcInfos, lineInfos, Map.of());
    }

    private static <T> Map<String, List<T>> copy(Map<String, List<T>> m) {
        Map<String, List<T>> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<T>> e : m.entrySet()) out.put(e.getKey(), List.copyOf(e.getValue()));
        return java.util.Collections.unmodifiableMap(out);
    }

    /**
     * Encodes func_info, line_info and CO-RE relocations; section names are looked up in {@code strings}, which must
     * contain them, and the relocations' access string offsets must point into that same string section.
     */
    public byte[] encode(BtfWriter.Encoded strings) {
        ByteSink func = new ByteSink();
        if (!funcInfos.isEmpty()) {
            func.u32(FUNC_REC_SIZE);
            for (Map.Entry<String, List<FuncRecord>> e : funcInfos.entrySet()) {
                func.u32(strings.stringOffset(e.getKey())).u32(e.getValue().size());
                for (FuncRecord r : e.getValue()) func.u32(r.insnOff()).u32(r.typeId());
            }
        }
        ByteSink line = new ByteSink();
        if (!lineInfos.isEmpty()) {
            line.u32(LINE_REC_SIZE);
            for (Map.Entry<String, List<LineRecord>> e : lineInfos.entrySet()) {
                line.u32(strings.stringOffset(e.getKey())).u32(e.getValue().size());
                for (LineRecord r : e.getValue()) line.u32(r.insnOff()).u32(r.fileNameOff()).u32(r.lineOff()).u32(r.lineCol());
            }
        }
        ByteSink core = new ByteSink();
        if (!coreRelos.isEmpty()) {
            core.u32(CORE_RELO_REC_SIZE);
            for (Map.Entry<String, List<CoreRelo>> e : coreRelos.entrySet()) {
                core.u32(strings.stringOffset(e.getKey())).u32(e.getValue().size());
                for (CoreRelo r : e.getValue()) core.u32(r.insnOff()).u32(r.typeId()).u32(r.accessStrOff()).u32(r.kind());
            }
        }
        byte[] f = func.toByteArray(), l = line.toByteArray(), c = core.toByteArray();
        ByteSink out = new ByteSink();
        out.u16(MAGIC).u8(1).u8(0).u32(HEADER_LEN);
        out.u32(0).u32(f.length);
        out.u32(f.length).u32(l.length);
        out.u32(f.length + l.length).u32(c.length);
        out.bytes(f).bytes(l).bytes(c);
        return out.toByteArray();
    }

    /** Decodes a {@code .BTF.ext} section; section names are resolved through {@code btf}'s string section. */
    public static BtfExt decode(byte[] data, BtfReader.Decoded btf, String where) {
        ByteSource in = new ByteSource(data, where);
        int magic = in.u16(0, "BTF.ext magic");
        if (magic != MAGIC) throw in.error(0, String.format("bad BTF.ext magic 0x%04x (expected 0xeb9f)", magic));
        int version = in.u8(2, "BTF.ext version");
        if (version != 1) throw in.error(2, "unsupported BTF.ext version " + version);
        long hdrLen = in.u32(4, "BTF.ext header length");
        if (hdrLen < 24 || hdrLen > data.length) throw in.error(4, "bad BTF.ext header length " + hdrLen);
        Map<String, List<FuncRecord>> funcs = new LinkedHashMap<>();
        Map<String, List<LineRecord>> lines = new LinkedHashMap<>();
        // anonymous sinks, not lambdas: a lambda links method handles at its first call, and this runs at every start
        readInfo(in, btf, hdrLen, in.u32(8, "func_info offset"), in.u32(12, "func_info length"), FUNC_REC_SIZE, "func_info",
                new RecordSink() {
                    @Override public void accept(long p, String sec) {
                        listOf(funcs, sec).add(new FuncRecord(in.index32(p, "func_info insn_off"), in.s32(p + 4, "func_info type_id")));
                    }
                });
        readInfo(in, btf, hdrLen, in.u32(16, "line_info offset"), in.u32(20, "line_info length"), LINE_REC_SIZE, "line_info",
                new RecordSink() {
                    @Override public void accept(long p, String sec) {
                        listOf(lines, sec).add(new LineRecord(in.index32(p, "line_info insn_off"), in.s32(p + 4, "line_info file_name_off"),
                                in.s32(p + 8, "line_info line_off"), in.s32(p + 12, "line_info line_col")));
                    }
                });
        Map<String, List<CoreRelo>> relos = new LinkedHashMap<>();
        if (hdrLen >= HEADER_LEN)
            readInfo(in, btf, hdrLen, in.u32(24, "core_relo offset"), in.u32(28, "core_relo length"), CORE_RELO_REC_SIZE, "core_relo",
                    new RecordSink() {
                        @Override public void accept(long p, String sec) {
                            listOf(relos, sec).add(new CoreRelo(in.index32(p, "core_relo insn_off"), in.s32(p + 4, "core_relo type_id"),
                                    in.s32(p + 8, "core_relo access_str_off"), in.s32(p + 12, "core_relo kind")));
                        }
                    });
        return new BtfExt(funcs, lines, relos);
    }

    private interface RecordSink { void accept(long pos, String section); }

    private static <T> List<T> listOf(Map<String, List<T>> bySection, String section) {
        List<T> list = bySection.get(section);
        if (list == null) bySection.put(section, list = new ArrayList<>());
        return list;
    }

    private static void readInfo(ByteSource in, BtfReader.Decoded btf, long hdrLen, long off, long len, int minRecSize,
                                 String what, RecordSink sink) {
        if (len == 0) return;
        long start = hdrLen + off, end = start + len;
        in.check(start, len, what);
        long recSize = in.u32(start, what + " record size");
        if (recSize < minRecSize || recSize > 1024 || recSize % 4 != 0) throw in.error(start, "bad " + what + " record size " + recSize);
        long p = start + 4;
        while (p < end) {
            if (p + 8 > end) throw in.error(p, what + " section header runs past the end");
            long nameOff = in.u32(p, what + " section name");
            String sec;
            try {
                sec = btf.string(nameOff);
            } catch (RuntimeException e) {
                throw in.error(p, what + " names section by bad string offset " + nameOff);
            }
            long n = in.u32(p + 4, what + " record count");
            p += 8;
            if (n * recSize > end - p) throw in.error(p - 4, what + " of section " + sec + " claims " + n + " records, more than fit");
            for (long i = 0; i < n; i++, p += recSize) sink.accept(p, sec);
        }
    }
}
