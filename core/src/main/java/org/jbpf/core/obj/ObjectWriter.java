package org.jbpf.core.obj;

import static org.jbpf.core.asm.Opcodes.PSEUDO_CALL;
import static org.jbpf.core.asm.Opcodes.PSEUDO_FUNC;
import static org.jbpf.core.asm.Opcodes.PSEUDO_KFUNC_CALL;
import static org.jbpf.core.asm.Opcodes.PSEUDO_MAP_FD;
import static org.jbpf.core.asm.Opcodes.PSEUDO_MAP_VALUE;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.asm.SourceLine;
import org.jbpf.core.btf.Btf;
import org.jbpf.core.btf.BtfExt;
import org.jbpf.core.btf.BtfType;
import org.jbpf.core.btf.BtfWriter;
import org.jbpf.core.btf.KfuncTypes;
import org.jbpf.core.elf.ByteSink;
import org.jbpf.core.elf.Elf;
import org.jbpf.core.elf.ElfWriter;

/**
 * Writes a {@link BpfObject} as a relocatable ELF64 BPF object in the layout clang produces and libbpf loads:
 * one code section per program (its subprograms in {@code .text}; programs of a labelled kind share their kind's section,
 * see {@link SectionLabels}), {@code license}, BTF-defined maps in
 * {@code .maps}, global variables in {@code .bss}/{@code .data}/{@code .rodata} (one object symbol per variable,
 * relocations against the section with the offset in the instruction), map and call relocations, {@code .BTF} and
 * {@code .BTF.ext} with func_info and line_info. A kfunc call is written as clang writes a call of an
 * {@code extern __ksym} function: an undefined symbol, an R_BPF_64_32 relocation and an extern BTF FUNC in {@code .ksyms}.
 * The object itself is not modified; map declarations are added to a copy of its BTF.
 */
public final class ObjectWriter {
    private ObjectWriter() {}

    private static final String TEXT = ".text", MAPS = ".maps", LICENSE = "license";
    /**
     * func_info records by instruction offset. A class, not a lambda: each lambda links method handles at its first
     * call, a share of a cold translate.
     */
    private static final Comparator<BtfExt.FuncRecord> FUNCS_IN_ORDER = new Comparator<>() {
        @Override public int compare(BtfExt.FuncRecord a, BtfExt.FuncRecord b) { return Integer.compare(a.insnOff(), b.insnOff()); }
    };

    /** A relocation whose symbol is known by key until the symbol table is laid out. */
    private record PendingRel(int offset, int type, String symbolKey) {}

    /** Code, relocations and BTF.ext records of one code section. */
    private static final class CodeSection {
        final String name;
        final ByteSink code = new ByteSink();
        final List<PendingRel> rels = new ArrayList<>();
        final List<BtfExt.FuncRecord> funcs = new ArrayList<>();
        final List<PendingLine> lines = new ArrayList<>();
        final List<PendingCore> cores = new ArrayList<>();
        int index;

        CodeSection(String name) { this.name = name; }
    }

    private record PendingLine(int insnOff, SourceLine source) {}

    /** A CO-RE relocation of the instruction {@code insnOff} bytes into its section; the access string gets its offset later. */
    private record PendingCore(int insnOff, int typeId, String access, int kind) {}

    /** A FUNC symbol to emit. */
    private record FuncSymbol(String name, String section, int offset, int size, boolean global) {}

    public static byte[] write(BpfObject obj) {
        String objName = obj.name();
        try {
            return new Build(obj).run();
        } catch (IllegalArgumentException e) {
            throw new ObjectFormatException("object " + objName + ": " + e.getMessage(), e);
        }
    }

    private static final class Build {
        final BpfObject obj;
        final String objName;
        final Btf btf = new Btf();
        final Map<String, CodeSection> sections = new LinkedHashMap<>();
        final CodeSection text = new CodeSection(TEXT);
        final List<FuncSymbol> funcSymbols = new ArrayList<>();
        /** The kernel functions the programs call, each an undefined symbol. */
        final Set<String> kfuncs = new LinkedHashSet<>();

        Build(BpfObject obj) {
            this.obj = obj;
            this.objName = obj.name();
            if (obj.btf() != null) for (BtfType t : obj.btf().types()) btf.add(t);
        }

        ObjectFormatException error(String what) { return new ObjectFormatException("object " + objName + ": " + what); }

        byte[] run() {
            checkNames();
            List<MapDefinitions.Placed> maps = obj.maps().isEmpty() ? List.of() : MapDefinitions.addTo(btf, obj.maps());
            for (ProgramSpec p : obj.programs()) layOut(p);
            KfuncTypes.addExterns(btf, kfuncs);

            Set<String> extraStrings = new LinkedHashSet<>();
            List<CodeSection> code = new ArrayList<>(sections.values());
            if (text.code.size() > 0) code.add(text);
            for (CodeSection cs : code) {
                extraStrings.add(cs.name);
                for (PendingCore c : cs.cores) extraStrings.add(c.access());
                for (PendingLine l : cs.lines) {
                    if (l.source() != null) {
                        extraStrings.add(l.source().file());
                        extraStrings.add(l.source().text());
                    }
                }
            }
            BtfWriter.Encoded encodedBtf = BtfWriter.encode(btf, extraStrings);
            BtfExt ext = btfExt(code, encodedBtf);

            ElfWriter elf = new ElfWriter(Elf.EM_BPF);
            for (CodeSection cs : code)
                cs.index = elf.add(cs.name, Elf.SHT_PROGBITS, Elf.SHF_ALLOC | Elf.SHF_EXECINSTR, cs.code.toByteArray(), 8, 0);
            int mapsIndex = 0;
            if (!maps.isEmpty()) {
                int size = 0;
                for (MapDefinitions.Placed m : maps) size = Math.max(size, m.offset() + m.size());
                mapsIndex = elf.add(MAPS, Elf.SHT_PROGBITS, Elf.SHF_WRITE | Elf.SHF_ALLOC, new byte[size], 8, 0);
            }
            Map<String, Integer> dataIndex = new LinkedHashMap<>();
            for (GlobalData g : obj.globals()) {
                long flags = Elf.SHF_ALLOC | (g.readOnly() ? 0 : Elf.SHF_WRITE);
                dataIndex.put(g.name(), elf.add(g.name(), g.zeroFilled() ? Elf.SHT_NOBITS : Elf.SHT_PROGBITS, flags, g.bytes(), 8, 0));
            }
            byte[] license = new ByteSink().cstring(obj.license() == null ? "" : obj.license()).toByteArray();
            int licenseIndex = elf.add(LICENSE, Elf.SHT_PROGBITS, Elf.SHF_WRITE | Elf.SHF_ALLOC, license, 1, 0);
            byte[] labels = SectionLabels.encode(obj.programs());
            if (labels.length > 0) elf.add(SectionLabels.SECTION, Elf.SHT_STRTAB, 0, labels, 1, 0);
            elf.add(".BTF", Elf.SHT_PROGBITS, 0, encodedBtf.bytes(), 4, 0);
            if (!ext.funcInfos().isEmpty() || !ext.lineInfos().isEmpty() || !ext.coreRelos().isEmpty())
                elf.add(".BTF.ext", Elf.SHT_PROGBITS, 0, ext.encode(encodedBtf), 4, 0);

            // symbol table: locals first (the .text section symbol and subprograms), then globals
            SymbolTable symtab = new SymbolTable();
            Map<String, Integer> sectionIndex = new HashMap<>();
            for (CodeSection cs : code) sectionIndex.put(cs.name, cs.index);
            if (text.code.size() > 0) symtab.add("section:" + TEXT, "", Elf.STB_LOCAL, Elf.STT_SECTION, text.index, 0, 0);
            for (Map.Entry<String, Integer> d : dataIndex.entrySet())
                symtab.add("data:" + d.getKey(), "", Elf.STB_LOCAL, Elf.STT_SECTION, d.getValue(), 0, 0);
            for (FuncSymbol f : funcSymbols)
                if (!f.global()) symtab.add(null, f.name(), Elf.STB_LOCAL, Elf.STT_FUNC, sectionIndex.get(f.section()), f.offset(), f.size());
            symtab.firstGlobal();
            for (FuncSymbol f : funcSymbols)
                if (f.global()) symtab.add(null, f.name(), Elf.STB_GLOBAL, Elf.STT_FUNC, sectionIndex.get(f.section()), f.offset(), f.size());
            symtab.add(null, "LICENSE", Elf.STB_GLOBAL, Elf.STT_OBJECT, licenseIndex, 0, license.length);
            for (MapDefinitions.Placed m : maps)
                symtab.add("map:" + m.map().name(), m.map().name(), Elf.STB_GLOBAL, Elf.STT_OBJECT, mapsIndex, m.offset(), m.size());
            for (GlobalData g : obj.globals())
                for (GlobalData.Variable v : g.variables())
                    symtab.add(null, v.name(), Elf.STB_GLOBAL, Elf.STT_OBJECT, dataIndex.get(g.name()), v.offset(), v.size());
            for (String k : kfuncs) symtab.add("ksym:" + k, k, Elf.STB_GLOBAL, Elf.STT_NOTYPE, Elf.SHN_UNDEF, 0, 0);

            int relCount = 0;
            for (CodeSection cs : code) if (!cs.rels.isEmpty()) relCount++;
            int symtabIndex = elf.nextIndex() + relCount;
            for (CodeSection cs : code) {
                if (cs.rels.isEmpty()) continue;
                ByteSink rel = new ByteSink();
                for (PendingRel r : cs.rels) rel.u64(r.offset()).u64((long) symtab.index(r.symbolKey()) << 32 | r.type());
                int relIndex = elf.add(".rel" + cs.name, Elf.SHT_REL, Elf.SHF_INFO_LINK, rel.toByteArray(), 8, Elf.REL_SIZE);
                elf.section(relIndex).link(symtabIndex).info(cs.index);
            }
            int added = elf.add(".symtab", Elf.SHT_SYMTAB, 0, symtab.entries(), 8, Elf.SYM_SIZE);
            elf.section(added).link(added + 1).info(symtab.firstGlobalIndex);
            elf.add(".strtab", Elf.SHT_STRTAB, 0, symtab.names(), 1, 0);
            return elf.toBytes();
        }

        private void checkNames() {
            Set<String> progSections = new HashSet<>(), progNames = new HashSet<>(), mapNames = new HashSet<>();
            for (ProgramSpec p : obj.programs()) {
                if (p.section() == null || p.section().isEmpty()) throw error("program " + p.name() + " has no section name");
                if (p.section().equals(TEXT) || p.section().startsWith(".rel") || p.section().equals(MAPS) || p.section().equals(LICENSE)
                        || p.section().startsWith(".BTF") || p.section().equals(SectionLabels.SECTION))
                    throw error("program " + p.name() + " uses reserved section name " + p.section());
                if (GlobalData.isDataSection(p.section()))
                    throw error("program " + p.name() + " uses section " + p.section() + ", a name kept for global variables");
                if (!progSections.add(p.section()))
                    throw error("two programs use section " + p.section() + "; every program needs its own section");
                if (p.name() == null || p.name().isEmpty()) throw error("a program in section " + p.section() + " has no name");
                if (!progNames.add(p.name())) throw error("two programs are named " + p.name());
            }
            for (MapSpec m : obj.maps()) if (!mapNames.add(m.name())) throw error("two maps are named " + m.name());
        }

        private void layOut(ProgramSpec p) {
            ProgramLayout layout = new ProgramLayout(p, btf, objName);
            String elfName = SectionLabels.elfName(p.section());
            CodeSection main = sections.get(elfName);
            if (main == null) sections.put(elfName, main = new CodeSection(elfName));
            int mainBase = main.code.size() / 8, textBase = text.code.size() / 8;
            for (ProgramLayout.Function f : layout.functions) {
                boolean entry = f.start() == 0;
                funcSymbols.add(new FuncSymbol(f.name(), entry ? elfName : TEXT,
                        entry ? mainBase * 8 : (textBase + f.start() - layout.firstSubSlot) * 8, (f.end() - f.start()) * 8, entry));
            }
            List<Insn> insns = p.insns();
            boolean anySource = false;
            for (Insn in : insns) anySource |= in.source() != null;
            Set<Integer> functionStarts = new HashSet<>();
            for (ProgramLayout.Function f : layout.functions) functionStarts.add(f.start());
            SourceLine prev = null;
            for (int i = 0; i < insns.size(); i++) {
                Insn in = insns.get(i);
                int slot = layout.slotOf[i];
                boolean inText = slot >= layout.firstSubSlot;
                CodeSection cs = inText ? text : main;
                int at = inText ? (textBase + slot - layout.firstSubSlot) * 8 : (mainBase + slot) * 8;
                if (anySource && (i == 0 || functionStarts.contains(slot) || !Objects.equals(in.source(), prev)))
                    cs.lines.add(new PendingLine(at, in.source()));
                prev = in.source();
                cs.code.bytes(Insn.encode(List.of(elfForm(p, i, in, at, cs, layout, textBase))));
            }
            for (ProgramSpec.FuncInfo fi : p.funcInfos()) {
                if (fi.btfFuncType() <= 0 || fi.btfFuncType() > btf.size() || !(btf.type(fi.btfFuncType()) instanceof BtfType.Func))
                    throw ProgramLayout.error(objName, p, "has func_info at slot " + fi.insnOff() + " with type " + fi.btfFuncType()
                            + ", which is not a BTF FUNC of the object");
                boolean inText = fi.insnOff() >= layout.firstSubSlot;
                int at = inText ? (textBase + fi.insnOff() - layout.firstSubSlot) * 8 : (mainBase + fi.insnOff()) * 8;
                (inText ? text : main).funcs.add(new BtfExt.FuncRecord(at, fi.btfFuncType()));
            }
            for (ProgramSpec.CoreRelocation r : p.coreRelocations()) {
                if (r.insn() < 0 || r.insn() >= insns.size() || r.localTypeId() <= 0 || r.localTypeId() > btf.size())
                    throw ProgramLayout.error(objName, p, "has a CO-RE relocation of instruction " + r.insn() + " and type "
                            + r.localTypeId() + ", which the program or its BTF does not have");
                int slot = layout.slotOf[r.insn()];
                boolean inText = slot >= layout.firstSubSlot;
                int at = inText ? (textBase + slot - layout.firstSubSlot) * 8 : (mainBase + slot) * 8;
                (inText ? text : main).cores.add(new PendingCore(at, r.localTypeId(), r.access(), r.kind()));
            }
            main.funcs.sort(FUNCS_IN_ORDER);
            text.funcs.sort(FUNCS_IN_ORDER);
        }

        /** The instruction as stored in the file: map loads zeroed and relocated, calls relocated into .text. */
        private Insn elfForm(ProgramSpec p, int i, Insn in, int at, CodeSection cs, ProgramLayout layout, int textBase) {
            if (in.isCall() && in.src() == PSEUDO_KFUNC_CALL) {
                // a kfunc: the loader puts its kernel BTF id into imm; in the file it is a call of an undefined symbol, as clang writes it
                if (in.reference() == null)
                    throw ProgramLayout.error(objName, p, "instruction " + i + " calls a kernel function without naming it");
                kfuncs.add(in.reference());
                cs.rels.add(new PendingRel(at, Elf.R_BPF_64_32, "ksym:" + in.reference()));
                return in.withSrc(PSEUDO_CALL).withImm(-1);
            }
            if (in.isLdImm64() && in.src() == PSEUDO_FUNC) {
                // a function's address (a bpf_loop body): relocated against .text with its byte offset there, as clang writes it
                int target = (int) (layout.slotOf[i] + in.imm() + 1);
                cs.rels.add(new PendingRel(at, Elf.R_BPF_64_64, "section:" + TEXT));
                return in.withSrc(0).withImm((long) (textBase + target - layout.firstSubSlot) * 8);
            }
            if (in.isLdImm64() && in.src() == PSEUDO_MAP_VALUE && in.reference() != null && obj.global(in.reference()).isPresent()) {
                long offset = in.imm() >>> 32;
                if (offset >= obj.global(in.reference()).get().size())
                    throw ProgramLayout.error(objName, p, "instruction " + i + " (" + in + ") points " + offset + " bytes into "
                            + in.reference() + ", past its end");
                cs.rels.add(new PendingRel(at, Elf.R_BPF_64_64, "data:" + in.reference()));
                return in.withSrc(0).withImm(offset);
            }
            if (in.isLdImm64() && in.src() != 0) {
                if (in.src() != PSEUDO_MAP_FD)
                    throw ProgramLayout.error(objName, p, "instruction " + i + " (" + in + ") uses pseudo source " + in.src()
                            + "; only map references (PSEUDO_MAP_FD), global variables of the object (PSEUDO_MAP_VALUE) and function addresses (PSEUDO_FUNC) can be written to an object file");
                if (in.reference() == null || obj.map(in.reference()).isEmpty())
                    throw ProgramLayout.error(objName, p, "instruction " + i + " (" + in + ") refers to map "
                            + (in.reference() == null ? "<none>" : in.reference()) + ", which the object does not declare");
                cs.rels.add(new PendingRel(at, Elf.R_BPF_64_64, "map:" + in.reference()));
                return in.withSrc(0).withImm(0);
            }
            if (in.isLocalCall()) {
                int target = (int) (layout.slotOf[i] + in.imm() + 1);
                cs.rels.add(new PendingRel(at, Elf.R_BPF_64_32, "section:" + TEXT));
                return in.withImm(textBase + target - layout.firstSubSlot - 1);
            }
            return in;
        }

        private BtfExt btfExt(List<CodeSection> code, BtfWriter.Encoded strings) {
            Map<String, List<BtfExt.FuncRecord>> funcs = new LinkedHashMap<>();
            Map<String, List<BtfExt.LineRecord>> lines = new LinkedHashMap<>();
            Map<String, List<BtfExt.CoreRelo>> cores = new LinkedHashMap<>();
            for (CodeSection cs : code) {
                if (!cs.funcs.isEmpty()) funcs.put(cs.name, cs.funcs);
                for (PendingCore c : cs.cores) {
                    List<BtfExt.CoreRelo> relos = cores.get(cs.name);
                    if (relos == null) cores.put(cs.name, relos = new ArrayList<>());
                    relos.add(new BtfExt.CoreRelo(c.insnOff(), c.typeId(), strings.stringOffset(c.access()), c.kind()));
                }
                if (cs.lines.isEmpty()) continue;
                List<BtfExt.LineRecord> recs = new ArrayList<>();
                for (PendingLine l : cs.lines) {
                    SourceLine s = l.source();
                    if (s == null) recs.add(new BtfExt.LineRecord(l.insnOff(), 0, 0, 0));
                    else recs.add(new BtfExt.LineRecord(l.insnOff(), strings.stringOffset(s.file()), strings.stringOffset(s.text()),
                            Math.max(0, s.line()) << 10 | Math.min(Math.max(0, s.column()), 0x3ff)));
                }
                lines.put(cs.name, recs);
            }
            return new BtfExt(funcs, lines, cores);
        }
    }

    /** Symbols in file order, with keys for the ones relocations point to. */
    private static final class SymbolTable {
        private final ByteSink entries = new ByteSink();
        private final ByteSink names = new ByteSink().u8(0);
        private final Map<String, Integer> nameOffsets = new HashMap<>(Map.of("", 0));
        private final Map<String, Integer> keys = new HashMap<>();
        private int count;
        int firstGlobalIndex;

        SymbolTable() {
            entries.zeros(Elf.SYM_SIZE);
            count = 1;
        }

        void add(String key, String name, int bind, int type, int shndx, long value, long size) {
            Integer off = nameOffsets.get(name);
            if (off == null) {
                off = names.size();
                names.bytes(name.getBytes(StandardCharsets.UTF_8)).u8(0);
                nameOffsets.put(name, off);
            }
            entries.u32(off).u8(bind << 4 | type).u8(0).u16(shndx).u64(value).u64(size);
            if (key != null) keys.put(key, count);
            count++;
        }

        void firstGlobal() { firstGlobalIndex = count; }

        int index(String key) {
            Integer i = keys.get(key);
            if (i == null) throw new IllegalStateException("no symbol for " + key);
            return i;
        }

        byte[] entries() { return entries.toByteArray(); }
        byte[] names() { return names.toByteArray(); }
    }
}
