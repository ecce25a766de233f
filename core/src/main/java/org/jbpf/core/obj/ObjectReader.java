package org.jbpf.core.obj;

import static org.jbpf.core.asm.Opcodes.PSEUDO_CALL;
import static org.jbpf.core.asm.Opcodes.PSEUDO_KFUNC_CALL;
import static org.jbpf.core.asm.Opcodes.PSEUDO_FUNC;
import static org.jbpf.core.asm.Opcodes.PSEUDO_MAP_FD;
import static org.jbpf.core.asm.Opcodes.PSEUDO_MAP_VALUE;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.asm.SourceLine;
import org.jbpf.core.btf.Btf;
import org.jbpf.core.btf.BtfExt;
import org.jbpf.core.btf.BtfReader;
import org.jbpf.core.btf.CoreRelocations;
import org.jbpf.core.elf.Elf;
import org.jbpf.core.elf.ElfFile;

/**
 * Reads a BPF ELF object, whether written by {@link ObjectWriter} or by {@code clang -target bpf}, into a
 * {@link BpfObject}. Like a linker, it appends every subprogram a program calls (transitively) to that program
 * and fixes the call offsets, turns map relocations into map references and references to global variables
 * ({@code .bss}, {@code .data}, {@code .rodata*}) into map-value references with their offset ({@link GlobalData}),
 * and maps func_info and line_info back
 * onto the instructions. Any malformed input is reported as an {@link ObjectFormatException} naming the object,
 * the section and the byte offset; no other exception escapes.
 */
public final class ObjectReader {
    // named comparators, not lambdas: every run of a .o reads it at start-up, and a lambda links method handles first
    private static final Comparator<ElfFile.Symbol> BY_ADDRESS = new Comparator<>() {
        @Override public int compare(ElfFile.Symbol a, ElfFile.Symbol b) { return Long.compare(a.value(), b.value()); }
    };
    private static final Comparator<BtfExt.LineRecord> BY_INSN_OFFSET = new Comparator<>() {
        @Override public int compare(BtfExt.LineRecord a, BtfExt.LineRecord b) { return Integer.compare(a.insnOff(), b.insnOff()); }
    };

    private ObjectReader() {}

    public static BpfObject read(byte[] elf, String objectName) {
        try {
            return new Reading(elf, objectName).run();
        } catch (ObjectFormatException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            throw new ObjectFormatException(objectName + ": malformed object (" + e + ")", e);
        }
    }

    /** A function in a code section, spanning section slots {@code [start, end)}. */
    private record Function(String name, int section, int start, int end, boolean entry) {
        String key() { return section + ":" + start; }
    }

    /** Decoded instructions of one code section, with its relocations by byte offset. */
    private static final class Code {
        final ElfFile.Section section;
        final List<Insn> insns;
        final int[] slotOf;
        final Map<Integer, Integer> indexOfSlot = new HashMap<>();
        final Map<Long, ElfFile.Relocation> relocs = new HashMap<>();
        final List<Function> functions = new ArrayList<>();

        Code(ElfFile.Section section, List<Insn> insns) {
            this.section = section;
            this.insns = insns;
            this.slotOf = Insn.slotOffsets(insns);
            for (int i = 0; i <= insns.size(); i++) indexOfSlot.put(slotOf[i], i);
        }

        int slots() { return slotOf[insns.size()]; }
    }

    private static final class Reading {
        final ElfFile elf;
        final String name;
        final Btf btf;
        final BtfReader.Decoded decodedBtf;
        final BtfExt ext;
        final Map<Integer, Code> code = new LinkedHashMap<>();
        final List<MapDeclarations.Located> maps;
        final Map<Integer, GlobalData> globals;

        Reading(byte[] bytes, String objectName) {
            this.name = objectName;
            this.elf = ElfFile.parse(bytes, objectName);
            if (elf.machine() != Elf.EM_BPF) throw elf.error("not a BPF object (e_machine " + elf.machine() + ", expected 247 for BPF); build it with clang -target bpf");
            ElfFile.Section btfSec = elf.section(".BTF");
            decodedBtf = btfSec == null ? null : BtfReader.read(elf.data(btfSec), objectName + ": section .BTF");
            btf = decodedBtf == null ? new Btf() : decodedBtf.btf();
            ElfFile.Section extSec = elf.section(".BTF.ext");
            ext = extSec == null || decodedBtf == null ? new BtfExt(Map.of(), Map.of())
                    : BtfExt.decode(elf.data(extSec), decodedBtf, objectName + ": section .BTF.ext");
            maps = MapDeclarations.read(elf, btf, decodedBtf != null);
            globals = GlobalSections.read(elf, btf);
        }

        BpfObject run() {
            for (ElfFile.Section s : elf.sections()) if (s.isExecutable() && s.size() > 0) code.put(s.index(), decode(s));
            collectRelocations();
            List<ProgramSpec> programs = new ArrayList<>();
            for (Code c : code.values()) {
                if (c.section.name().equals(".text")) continue;
                for (Function f : List.copyOf(c.functions)) if (f.entry()) programs.add(link(f));
            }
            programs = withLabels(programs);
            List<MapSpec> specs = new ArrayList<>();
            for (MapDeclarations.Located m : maps) specs.add(m.spec());
            return new BpfObject(name, license(), specs, programs, btf, List.copyOf(globals.values()));
        }

        /**
         * The programs with the full section names {@link SectionLabels} kept beside their code sections' names, in the
         * order of their symbols.
         */
        private List<ProgramSpec> withLabels(List<ProgramSpec> programs) {
            ElfFile.Section s = elf.section(SectionLabels.SECTION);
            if (s == null) return programs;
            Map<String, String> full;
            try {
                full = SectionLabels.decode(elf.data(s));
            } catch (IllegalArgumentException e) {
                throw elf.error(s, 0, e.getMessage());
            }
            List<ProgramSpec> out = new ArrayList<>();
            for (ProgramSpec p : programs) {
                String section = full.remove(p.name());
                if (section != null && !SectionLabels.elfName(section).equals(p.section()))
                    throw elf.error(s, 0, "names section " + section + " for program " + p.name() + ", which is in section " + p.section());
                out.add(section == null ? p : new ProgramSpec(p.name(), section, p.insns(), p.funcInfos(), p.coreRelocations()));
            }
            if (!full.isEmpty()) throw elf.error(s, 0, "names a section for " + full.keySet().iterator().next() + ", which is no program of the object");
            // programs of one kind share a code section, so section order is not the object's order; its symbols are in it
            Map<String, Integer> symbolIndex = new HashMap<>();
            for (ElfFile.Symbol sym : elf.symbols()) if (sym.type() == Elf.STT_FUNC) symbolIndex.putIfAbsent(sym.name(), sym.index());
            out.sort(new Comparator<ProgramSpec>() {
                @Override public int compare(ProgramSpec a, ProgramSpec b) {
                    return Integer.compare(symbolIndex.getOrDefault(a.name(), Integer.MAX_VALUE), symbolIndex.getOrDefault(b.name(), Integer.MAX_VALUE));
                }
            });
            return out;
        }

        private String license() {
            ElfFile.Section s = elf.section("license");
            if (s == null) return "";
            byte[] data = elf.data(s);
            int end = 0;
            while (end < data.length && data[end] != 0) end++;
            return new String(data, 0, end, java.nio.charset.StandardCharsets.UTF_8);
        }

        private Code decode(ElfFile.Section s) {
            if (s.size() % 8 != 0) throw elf.error(s, 0, "code size " + s.size() + " is not a multiple of 8");
            List<Insn> insns;
            try {
                insns = Insn.decode(elf.data(s));
            } catch (IllegalArgumentException e) {
                throw elf.error(s, 0, "undecodable instructions: " + e.getMessage());
            }
            Code c = new Code(s, insns);
            List<ElfFile.Symbol> funcs = new ArrayList<>();
            for (ElfFile.Symbol sym : elf.symbols())
                if (sym.shndx() == s.index() && sym.type() == Elf.STT_FUNC) funcs.add(sym);
            funcs.sort(BY_ADDRESS);
            boolean text = s.name().equals(".text");
            if (funcs.isEmpty()) {
                // hand-written objects may have no symbols: the whole section is one function
                c.functions.add(new Function(text ? ".text" : s.name(), s.index(), 0, c.slots(), !text));
                return c;
            }
            for (int k = 0; k < funcs.size(); k++) {
                ElfFile.Symbol f = funcs.get(k);
                if (f.name().isEmpty()) throw elf.error(s, Math.min(f.value(), s.size()), "function at byte " + f.value() + " (symbol " + f.index()
                        + ") has no name; the symbol table is damaged");
                long next = k + 1 < funcs.size() ? funcs.get(k + 1).value() : s.size();
                long end = f.size() > 0 ? f.value() + f.size() : next;
                if (f.value() % 8 != 0 || end % 8 != 0 || f.value() >= s.size() || end > s.size() || end <= f.value())
                    throw elf.error(s, Math.min(f.value(), s.size()), "function " + f.name() + " spans bytes " + f.value() + ".." + end
                            + ", which does not fit the section (" + s.size() + " bytes) in whole instructions");
                int start = (int) (f.value() / 8), stop = (int) (end / 8);
                if (!c.indexOfSlot.containsKey(start) || !c.indexOfSlot.containsKey(stop))
                    throw elf.error(s, f.value(), "function " + f.name() + " starts or ends inside a 16-byte instruction");
                c.functions.add(new Function(f.name(), s.index(), start, stop, !text));
            }
            return c;
        }

        private void collectRelocations() {
            for (ElfFile.Section rel : elf.sections()) {
                if (rel.type() != Elf.SHT_REL) continue;
                Code c = code.get(rel.info());
                if (c == null) continue; // relocations of BTF and debug sections do not matter here
                for (ElfFile.Relocation r : elf.relocations(rel)) {
                    if (r.offset() % 8 != 0 || r.offset() >= c.section.size() || !c.indexOfSlot.containsKey((int) (r.offset() / 8)))
                        throw elf.error(rel, 0, "relocation at offset " + r.offset() + " of " + c.section.name()
                                + " does not point at an instruction");
                    elf.symbol(r.symbol(), rel, 0); // must exist
                    c.relocs.put(r.offset(), r);
                }
            }
        }

        private Function functionAt(Code c, int slot, long errorAt, String what) {
            for (Function f : c.functions) if (f.start() == slot) return f;
            // a call into a section without function symbols: the callee runs to the next known start or the end
            if (slot < 0 || slot >= c.slots() || !c.indexOfSlot.containsKey(slot))
                throw elf.error(c.section, errorAt, what + " targets slot " + slot + " of " + c.section.name() + ", which is not an instruction");
            int end = c.slots();
            for (Function f : c.functions) if (f.start() > slot && f.start() < end) end = f.start();
            Function f = new Function(c.section.name().equals(".text") ? "sub_" + slot : c.section.name() + "_" + slot,
                    c.section.index(), slot, end, false);
            c.functions.add(f);
            return f;
        }

        /** Builds one program: the entry function, then every function it reaches through calls, in call order. */
        private ProgramSpec link(Function entry) {
            List<Insn> out = new ArrayList<>();
            List<ProgramSpec.FuncInfo> funcInfos = new ArrayList<>();
            List<ProgramSpec.CoreRelocation> coreRelos = new ArrayList<>();
            Map<String, Integer> placedAt = new HashMap<>();
            Map<Integer, Function> callTargets = new LinkedHashMap<>(); // output index of call -> callee
            Deque<Function> queue = new ArrayDeque<>();
            queue.add(entry);
            placedAt.put(entry.key(), -1);
            int outSlots = 0;
            while (!queue.isEmpty()) {
                Function f = queue.poll();
                Code c = code.get(f.section());
                placedAt.put(f.key(), outSlots);
                int first = c.indexOfSlot.get(f.start()), last = c.indexOfSlot.get(f.end());
                int baseIndex = out.size();
                coreRelocations(c, f, entry, baseIndex - first, coreRelos);
                for (int i = first; i < last; i++) {
                    Insn in = c.insns.get(i);
                    long byteOff = (long) c.slotOf[i] * 8;
                    ElfFile.Relocation r = c.relocs.get(byteOff);
                    Function callee = null;
                    if (r != null && r.type() != Elf.R_BPF_NONE) {
                        ElfFile.Symbol sym = elf.symbol(r.symbol(), c.section, byteOff);
                        if (r.type() == Elf.R_BPF_64_64 && in.isLdImm64() && code.get(sym.shndx()) != null) {
                            // a function's address (a callback such as a bpf_loop body): imm is its byte offset for a section symbol
                            long slot = (sym.value() + (sym.type() == Elf.STT_SECTION ? in.imm() : 0)) / 8;
                            callee = functionAt(code.get(sym.shndx()), (int) Math.max(-1, Math.min(Integer.MAX_VALUE, slot)), byteOff,
                                    "function address");
                            in = in.withSrc(PSEUDO_FUNC);
                        } else if (r.type() == Elf.R_BPF_64_64 && in.isLdImm64() && in.src() != PSEUDO_FUNC) {
                            in = mapReference(c, byteOff, in, sym, entry);
                        } else if (r.type() == Elf.R_BPF_64_32 && in.isLocalCall() && sym.shndx() == Elf.SHN_UNDEF) {
                            // a call of an extern __ksym function: a kfunc the loader resolves by name
                            in = in.withSrc(PSEUDO_KFUNC_CALL).withImm(0).withReference(sym.name());
                        } else if ((r.type() == Elf.R_BPF_64_32 || r.type() == Elf.R_BPF_64_64) && in.isLocalCall()) {
                            Code target = code.get(sym.shndx());
                            if (target == null)
                                throw elf.error(c.section, byteOff, "call relocation against symbol " + sym.name() + " outside any code section");
                            long slot = sym.value() / 8 + in.imm() + 1;
                            callee = functionAt(target, (int) Math.max(-1, Math.min(Integer.MAX_VALUE, slot)), byteOff, "call");
                        } else {
                            throw elf.error(c.section, byteOff, "unsupported relocation type " + r.type() + " on instruction " + in
                                    + " (symbol " + sym.name() + ")");
                        }
                    } else if (in.isLocalCall()) {
                        long slot = c.slotOf[i] + in.imm() + 1;
                        callee = functionAt(c, (int) Math.max(-1, Math.min(Integer.MAX_VALUE, slot)), byteOff, "call");
                    } else if (in.isLdImm64() && in.src() != 0) {
                        throw elf.error(c.section, byteOff, "instruction " + in + " has pseudo source " + in.src() + " but no relocation");
                    } else if (in.isCall() && in.src() == PSEUDO_KFUNC_CALL) {
                        throw elf.error(c.section, byteOff, "instruction " + in + " calls a kernel function, but no relocation names it");
                    }
                    if (callee != null) {
                        callTargets.put(out.size(), callee);
                        if (!placedAt.containsKey(callee.key())) {
                            placedAt.put(callee.key(), -1);
                            queue.add(callee);
                        }
                        in = in.withReference(callee.name());
                    }
                    out.add(in);
                }
                outSlots += f.end() - f.start();
                applyBtfExt(c, f, out, baseIndex, placedAt.get(f.key()), funcInfos);
            }
            int[] slotOf = Insn.slotOffsets(out);
            for (Map.Entry<Integer, Function> call : callTargets.entrySet()) {
                int idx = call.getKey();
                int target = placedAt.get(call.getValue().key());
                out.set(idx, out.get(idx).withImm(target - slotOf[idx] - 1));
            }
            return new ProgramSpec(entry.name(), code.get(entry.section()).section.name(), out, funcInfos, coreRelos);
        }

        /**
         * Collects the CO-RE relocations of function {@code f}, whose instruction {@code i} of its section lands at
         * output index {@code i + shift}; the loader applies them against the running kernel's BTF. Kinds it cannot
         * compute are refused here, since loading them unpatched would use the offsets of the compiling headers.
         */
        private void coreRelocations(Code c, Function f, Function entry, int shift, List<ProgramSpec.CoreRelocation> into) {
            for (BtfExt.CoreRelo r : ext.coreRelos().getOrDefault(c.section.name(), List.of())) {
                long slot = (r.insnOff() & 0xffffffffL) / 8;
                if (slot < f.start() || slot >= f.end()) continue;
                String where = "program " + entry.name() + (f == entry ? "" : " (in function " + f.name() + ")");
                Integer index = r.insnOff() % 8 == 0 ? c.indexOfSlot.get((int) slot) : null;
                if (index == null)
                    throw elf.error(c.section, r.insnOff(), where + " has a CO-RE relocation that does not point at an instruction");
                if (r.typeId() <= 0 || r.typeId() > btf.size())
                    throw elf.error(c.section, r.insnOff(), where + " has a CO-RE relocation of missing BTF type " + r.typeId());
                if (!CoreRelocations.supported(r.kind()))
                    throw elf.error(c.section, r.insnOff(), where + " needs a CO-RE relocation jbpf cannot compute: "
                            + CoreRelocations.describe(r, decodedBtf) + "; build it without that builtin (e.g. bpf_core_type_matches)");
                String access;
                try {
                    access = decodedBtf.string(r.accessStrOff() & 0xffffffffL);
                } catch (ObjectFormatException e) {
                    throw elf.error(c.section, r.insnOff(), where + " has a CO-RE relocation with a bad access string offset "
                            + r.accessStrOff());
                }
                into.add(new ProgramSpec.CoreRelocation(index + shift, r.typeId(), access, r.kind()));
            }
        }

        private Insn mapReference(Code c, long byteOff, Insn in, ElfFile.Symbol sym, Function entry) {
            long offset = sym.value() + (sym.type() == Elf.STT_SECTION ? (int) in.imm() : 0);
            for (MapDeclarations.Located m : maps)
                if (m.sectionIndex() == sym.shndx() && m.offset() == offset)
                    return in.withSrc(PSEUDO_MAP_FD).withImm(0).withReference(m.spec().name());
            ElfFile.Section target = elf.section(sym.shndx());
            String secName = target == null ? "section " + sym.shndx() : target.name();
            GlobalData data = globals.get(sym.shndx());
            if (data != null) {
                // the instruction's immediate is the addend: the offset within the variable (or the section)
                long at = sym.value() + (int) in.imm();
                if (at < 0 || at >= data.size())
                    throw elf.error(c.section, byteOff, "program " + entry.name() + " points " + at + " bytes into " + secName
                            + ", which has " + data.size());
                return in.withSrc(PSEUDO_MAP_VALUE).withImm(at << 32).withReference(data.name());
            }
            if (GlobalData.isDataSection(secName))
                throw elf.error(c.section, byteOff, "program " + entry.name() + " uses "
                        + (sym.name().isEmpty() ? dataAt(sym.shndx(), offset, secName) : sym.name() + " in " + secName)
                        + ", a data section without contents the loader can use");
            if (sym.shndx() == Elf.SHN_UNDEF)
                throw elf.error(c.section, byteOff, "program " + entry.name() + " refers to undefined (extern) symbol " + sym.name()
                        + "; jbpf links only calls of kernel functions (kfuncs) by name: define it in this object, or for a .kconfig "
                        + "value (LINUX_KERNEL_VERSION, CONFIG_*) use a const volatile global set at load (jbpf run --const)");
            throw elf.error(c.section, byteOff, "program " + entry.name() + " loads the address of "
                    + (sym.name().isEmpty() && sym.shndx() > 0 ? dataAt(sym.shndx(), offset, secName) : sym.name() + " in " + secName)
                    + ", which is not a map" + (sym.shndx() > 0 && !secName.startsWith(".text") && !secName.contains("/") ? " nor a data "
                    + "section jbpf loads; put it in .data, .rodata or .bss (or .data.<name>: SEC(\".data." + secName.replaceFirst("^\\.", "")
                    + "\"))" : ""));
        }

        /** A place in a data section named by the variable covering it when there is one, and always by offset. */
        private String dataAt(int shndx, long offset, String secName) {
            for (ElfFile.Symbol v : elf.symbols())
                if (v.shndx() == shndx && v.type() == Elf.STT_OBJECT && !v.name().isEmpty() && offset >= v.value() && offset < v.value() + v.size())
                    return v.name() + " at byte " + offset + " of " + secName;
            return "byte " + offset + " of " + secName;
        }

        /** Copies func_info and line_info of function {@code f} (now at output slot {@code at}) onto the program. */
        private void applyBtfExt(Code c, Function f, List<Insn> out, int baseIndex, int at, List<ProgramSpec.FuncInfo> funcInfos) {
            String sec = c.section.name();
            for (BtfExt.FuncRecord r : ext.funcInfos().getOrDefault(sec, List.of())) {
                long slot = (r.insnOff() & 0xffffffffL) / 8;
                if (slot < f.start() || slot >= f.end()) continue;
                if (r.typeId() <= 0 || r.typeId() > btf.size())
                    throw elf.error(c.section, 0, "func_info at byte " + r.insnOff() + " refers to missing BTF type " + r.typeId());
                funcInfos.add(new ProgramSpec.FuncInfo(at + (int) slot - f.start(), r.typeId()));
            }
            List<BtfExt.LineRecord> lines = new ArrayList<>();
            for (BtfExt.LineRecord r : ext.lineInfos().getOrDefault(sec, List.of())) {
                long slot = (r.insnOff() & 0xffffffffL) / 8;
                if (r.insnOff() % 8 == 0 && slot >= f.start() && slot < f.end() && c.indexOfSlot.containsKey((int) slot)) lines.add(r);
            }
            lines.sort(BY_INSN_OFFSET);
            int firstIndex = c.indexOfSlot.get(f.start());
            for (int k = 0; k < lines.size(); k++) {
                BtfExt.LineRecord r = lines.get(k);
                SourceLine src = sourceLine(r, c);
                int from = c.indexOfSlot.get(r.insnOff() / 8);
                int to = k + 1 < lines.size() ? c.indexOfSlot.get(lines.get(k + 1).insnOff() / 8) : c.indexOfSlot.get(f.end());
                for (int i = from; i < to; i++) {
                    int o = baseIndex + i - firstIndex;
                    out.set(o, out.get(o).withSource(src));
                }
            }
        }

        private SourceLine sourceLine(BtfExt.LineRecord r, Code c) {
            if (r.fileNameOff() == 0 && r.lineOff() == 0 && r.lineCol() == 0) return null;
            try {
                return new SourceLine(decodedBtf.string(r.fileNameOff() & 0xffffffffL), r.line(), r.column(),
                        decodedBtf.string(r.lineOff() & 0xffffffffL));
            } catch (ObjectFormatException e) {
                throw elf.error(c.section, r.insnOff(), "line_info has a bad string offset: " + e.getMessage());
            }
        }
    }
}
