package org.jbpf.core.elf;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jbpf.core.obj.ObjectFormatException;

/**
 * A parsed relocatable ELF64 little-endian file: section headers with names, the symbol table and the REL
 * relocation sections. Everything is bounds-checked on the way in; a malformed file is an
 * {@link ObjectFormatException} naming the file, the section and the byte offset.
 */
public final class ElfFile {
    public record Section(int index, String name, int type, long flags, long offset, long size, int link, int info, long entsize) {
        public boolean isExecutable() { return type == Elf.SHT_PROGBITS && (flags & Elf.SHF_EXECINSTR) != 0; }
    }

    public record Symbol(int index, String name, int bind, int type, int shndx, long value, long size) {}

    public record Relocation(long offset, int type, int symbol) {}

    private final String fileName;
    private final ByteSource in;
    private final int machine;
    private final List<Section> sections;
    private final List<Symbol> symbols;

    private ElfFile(String fileName, ByteSource in, int machine, List<Section> sections, List<Symbol> symbols) {
        this.fileName = fileName; this.in = in; this.machine = machine; this.sections = sections; this.symbols = symbols;
    }

    public static ElfFile parse(byte[] data, String fileName) {
        ByteSource in = new ByteSource(data, fileName);
        String problem = headerProblem(data);
        if (problem != null) throw new ObjectFormatException(fileName + ": " + problem);
        in.check(0, Elf.EHDR_SIZE, "ELF header");
        int type = in.u16(16, "e_type");
        if (type != Elf.ET_REL)
            throw in.error(16, "not a relocatable object (e_type " + type + "); give the .o that clang -c or jbpf translate writes, not a linked file");
        int machine = in.u16(18, "e_machine");
        long shoff = in.u64(40, "e_shoff");
        int shentsize = in.u16(58, "e_shentsize");
        int shnum = in.u16(60, "e_shnum");
        int shstrndx = in.u16(62, "e_shstrndx");
        if (shnum == 0) throw in.error(60, "no section headers");
        if (shentsize != Elf.SHDR_SIZE) throw in.error(58, "unexpected section header size " + shentsize);
        in.check(shoff, (long) shnum * Elf.SHDR_SIZE, "section header table");
        if (shstrndx >= shnum) throw in.error(62, "section name table index " + shstrndx + " out of range");

        long[][] raw = new long[shnum][];
        for (int i = 0; i < shnum; i++) {
            long h = shoff + (long) i * Elf.SHDR_SIZE;
            raw[i] = new long[] {in.u32(h, "sh_name"), in.u32(h + 4, "sh_type"), in.u64(h + 8, "sh_flags"), in.u64(h + 24, "sh_offset"),
                    in.u64(h + 32, "sh_size"), in.u32(h + 40, "sh_link"), in.u32(h + 44, "sh_info"), in.u64(h + 56, "sh_entsize"), h};
            if (raw[i][1] != Elf.SHT_NOBITS && raw[i][1] != Elf.SHT_NULL)
                in.check(raw[i][3], raw[i][4], "contents of section " + i + " (header at byte " + h + ")");
        }
        long[] str = raw[shstrndx];
        List<Section> sections = new ArrayList<>(shnum);
        for (int i = 0; i < shnum; i++) {
            long[] r = raw[i];
            if (i != 0 && r[0] >= str[4]) throw in.error(r[8], "name of section " + i + " lies outside the section name table");
            String name = i == 0 ? "" : in.cstring(str[3] + r[0], str[3] + str[4], "name of section " + i + " (header at byte " + r[8] + ")");
            sections.add(new Section(i, name, (int) r[1], r[2], r[3], r[4], (int) r[5], (int) r[6], r[7]));
        }
        List<Section> frozen = Collections.unmodifiableList(sections);
        return new ElfFile(fileName, in, machine, frozen, Collections.unmodifiableList(readSymbols(in, frozen)));
    }

    private static List<Symbol> readSymbols(ByteSource in, List<Section> sections) {
        Section symtab = null;
        for (Section s : sections) {
            if (s.type() == Elf.SHT_SYMTAB) {
                if (symtab != null) throw in.error(s.offset(), "more than one symbol table");
                symtab = s;
            }
        }
        if (symtab == null) return List.of();
        if (symtab.link() <= 0 || symtab.link() >= sections.size())
            throw in.error(symtab.offset(), "symbol table links to missing string table " + symtab.link());
        Section strtab = sections.get(symtab.link());
        if (strtab.type() != Elf.SHT_STRTAB) throw in.error(symtab.offset(), "symbol table's string table is not SHT_STRTAB");
        if (symtab.size() % Elf.SYM_SIZE != 0) throw in.error(symtab.offset(), ".symtab size " + symtab.size() + " is not a multiple of 24");
        int n = (int) (symtab.size() / Elf.SYM_SIZE);
        List<Symbol> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long p = symtab.offset() + (long) i * Elf.SYM_SIZE;
            long nameOff = in.u32(p, "st_name");
            String where = "name of symbol " + i + " (entry at byte " + p + ")";
            String name = nameOff == 0 ? "" : checkedString(in, strtab, nameOff, where);
            int info = in.u8(p + 4, "st_info");
            int shndx = in.u16(p + 6, "st_shndx");
            out.add(new Symbol(i, name, info >>> 4, info & 0xf, shndx, in.u64(p + 8, "st_value"), in.u64(p + 16, "st_size")));
        }
        return out;
    }

    private static String checkedString(ByteSource in, Section strtab, long off, String where) {
        if (off >= strtab.size()) throw in.error(strtab.offset() + off, where + ": offset " + off + " lies outside " + strtab.name());
        return in.cstring(strtab.offset() + off, strtab.offset() + strtab.size(), where);
    }

    public String fileName() { return fileName; }
    /**
     * What makes {@code data} no 64-bit little-endian ELF file, as advice on what to give instead; null when its
     * identification bytes are those of one. Checked before any length, so an empty or text file is called what it is.
     */
    static String headerProblem(byte[] data) {
        String rebuild = "; give a BPF object that jbpf translate or clang -target bpf writes";
        if (data.length == 0) return "an empty file, not a BPF object" + rebuild;
        if (data.length < 4 || data[0] != 0x7f || data[1] != 'E' || data[2] != 'L' || data[3] != 'F')
            return "not an ELF file (it does not begin with 0x7f 'ELF')" + rebuild;
        if (data.length > 4 && data[4] == 1) return "a 32-bit ELF file, but BPF objects are 64-bit" + rebuild;
        if (data.length <= 4 || data[4] != 2) return "not a 64-bit ELF file (bad EI_CLASS)" + rebuild;
        if (data.length > 5 && data[5] == 2)
            return "a big-endian ELF file (clang -target bpfeb), but this machine runs little-endian BPF; build it with clang -target bpfel or -target bpf";
        if (data.length <= 5 || data[5] != 1) return "not a little-endian ELF file (bad EI_DATA)" + rebuild;
        return null;
    }

    public int machine() { return machine; }
    public List<Section> sections() { return sections; }
    public List<Symbol> symbols() { return symbols; }

    public Section section(String name) {
        for (Section s : sections) if (s.name().equals(name)) return s;
        return null;
    }

    public Section section(int index) {
        if (index < 0 || index >= sections.size()) return null;
        return sections.get(index);
    }

    /** The bytes of a section (empty for SHT_NOBITS). */
    public byte[] data(Section s) {
        if (s.type() == Elf.SHT_NOBITS) return new byte[0];
        return in.slice(s.offset(), s.size(), "section " + s.name());
    }

    public Symbol symbol(int index, Section relSection, long at) {
        if (index <= 0 || index >= symbols.size())
            throw error(relSection, at, "relocation refers to symbol " + index + " but the symbol table has " + symbols.size() + " entries");
        return symbols.get(index);
    }

    /** Relocations of a SHT_REL section. */
    public List<Relocation> relocations(Section rel) {
        if (rel.size() % Elf.REL_SIZE != 0) throw error(rel, 0, "size " + rel.size() + " is not a multiple of 16");
        int n = (int) (rel.size() / Elf.REL_SIZE);
        List<Relocation> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long p = rel.offset() + (long) i * Elf.REL_SIZE;
            long info = in.u64(p + 8, "r_info");
            out.add(new Relocation(in.u64(p, "r_offset"), (int) (info & 0xffffffffL), (int) (info >>> 32)));
        }
        return out;
    }

    /** An error located in a section: names file, section and absolute byte offset. */
    public ObjectFormatException error(Section s, long offsetInSection, String what) {
        return new ObjectFormatException(fileName + ": section " + s.name() + ": " + what + " (at byte " + (s.offset() + offsetInSection) + ")");
    }

    public ObjectFormatException error(String what) { return new ObjectFormatException(fileName + ": " + what); }
}
