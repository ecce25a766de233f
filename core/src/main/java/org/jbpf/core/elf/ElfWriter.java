package org.jbpf.core.elf;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Assembles a relocatable little-endian ELF64 file from sections. Section 0 (null) and the section header
 * string table are added automatically; callers add sections in order and get back their indices.
 */
public final class ElfWriter {
    /** One section; {@code link}/{@code info} may be set after other sections got their indices. */
    public static final class Section {
        final String name;
        final int type;
        final long flags;
        final byte[] data;
        final int align;
        final int entsize;
        int link, info;

        Section(String name, int type, long flags, byte[] data, int align, int entsize) {
            this.name = name; this.type = type; this.flags = flags; this.data = data; this.align = align; this.entsize = entsize;
        }

        public Section link(int l) { link = l; return this; }
        public Section info(int i) { info = i; return this; }
    }

    private final int machine;
    private final List<Section> sections = new ArrayList<>();

    public ElfWriter(int machine) {
        this.machine = machine;
        sections.add(new Section("", Elf.SHT_NULL, 0, new byte[0], 0, 0));
    }

    /** Adds a section and returns its index. */
    public int add(String name, int type, long flags, byte[] data, int align, int entsize) {
        sections.add(new Section(name, type, flags, data, align, entsize));
        return sections.size() - 1;
    }

    public Section section(int index) { return sections.get(index); }

    /** Index the next added section will get. */
    public int nextIndex() { return sections.size(); }

    public byte[] toBytes() {
        // .shstrtab goes last; names are shared when equal
        Map<String, Integer> nameOffsets = new LinkedHashMap<>();
        ByteSink shstr = new ByteSink().u8(0);
        nameOffsets.put("", 0);
        List<Section> all = new ArrayList<>(sections);
        all.add(new Section(".shstrtab", Elf.SHT_STRTAB, 0, null, 1, 0));
        for (Section s : all) {
            if (!nameOffsets.containsKey(s.name)) {
                nameOffsets.put(s.name, shstr.size());
                shstr.bytes(s.name.getBytes(StandardCharsets.UTF_8)).u8(0);
            }
        }
        byte[] shstrBytes = shstr.toByteArray();
        int shstrndx = all.size() - 1;

        ByteSink out = new ByteSink();
        out.zeros(Elf.EHDR_SIZE);
        long[] offsets = new long[all.size()];
        for (int i = 1; i < all.size(); i++) {
            Section s = all.get(i);
            byte[] data = i == shstrndx ? shstrBytes : s.data;
            out.align(Math.max(1, s.align));
            offsets[i] = out.size();
            if (s.type != Elf.SHT_NOBITS) out.bytes(data);
        }
        out.align(8);
        long shoff = out.size();
        for (int i = 0; i < all.size(); i++) {
            Section s = all.get(i);
            long size = i == shstrndx ? shstrBytes.length : s.data.length;
            out.u32(nameOffsets.get(s.name)).u32(s.type).u64(s.flags).u64(0).u64(i == 0 ? 0 : offsets[i]).u64(i == 0 ? 0 : size)
               .u32(s.link).u32(s.info).u64(s.align).u64(s.entsize);
        }
        byte[] bytes = out.toByteArray();
        ByteSink hdr = new ByteSink();
        hdr.u8(0x7f).u8('E').u8('L').u8('F').u8(2).u8(1).u8(1).u8(0).zeros(8);
        hdr.u16(Elf.ET_REL).u16(machine).u32(1).u64(0).u64(0).u64(shoff).u32(0)
           .u16(Elf.EHDR_SIZE).u16(0).u16(0).u16(Elf.SHDR_SIZE).u16(all.size()).u16(shstrndx);
        System.arraycopy(hdr.toByteArray(), 0, bytes, 0, Elf.EHDR_SIZE);
        return bytes;
    }
}
