package org.jbpf.core.damage;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.jbpf.core.elf.Elf;
import org.jbpf.core.elf.ElfFile;

/**
 * Damage to a BPF ELF object where its readers look: the ELF header, section headers, symbols, relocations, code,
 * the .BTF header, types and strings, .BTF.ext records, the map and license sections, and plain truncation. Each
 * kind edits one place of a sound object, so most cases get past the first check and reach the deeper ones. Shared by
 * the fuzz tests of the translator and of the command line (core's test jar).
 */
public final class ObjectDamage {
    /** Where the damage goes. */
    public enum Kind {
        TRUNCATED, ELF_HEADER, SECTION_HEADER, SWAPPED_SECTION_HEADERS, SYMBOL, RELOCATION, CODE, BTF_HEADER, BTF_TYPES, BTF_STRINGS,
        BTF_EXT, MAPS, LICENSE,
        /** The header of another kind of object: 32-bit (EI_CLASS 1), big-endian (EI_DATA 2, as clang -target bpfeb marks it), another machine's e_machine. */
        FOREIGN_HEADER
    }

    private static final long[] EXTREMES = {0, 1, 2, 3, 7, 8, 9, 0x7f, 0xff, 0xffff, 0x7fffffffL, 0xffffffffL, -1L, -8L, Long.MIN_VALUE, 1L << 32};

    private final byte[] elf;
    private final ElfFile parsed;

    /** {@code elf}, a sound object the damage starts from. */
    public ObjectDamage(byte[] elf, String name) {
        this.elf = elf.clone();
        this.parsed = ElfFile.parse(elf, name);
    }

    /** The .BTF section's bytes alone, damaged as {@code kind} would damage them in the object. */
    public byte[] btfAlone(Kind kind, Random rnd) {
        ElfFile.Section btf = parsed.section(".BTF");
        byte[] damaged = damage(kind, rnd);
        return Arrays.copyOfRange(damaged, (int) btf.offset(), (int) (btf.offset() + btf.size()));
    }

    /** A copy of the object with one {@code kind} of damage, drawn from {@code rnd}. */
    public byte[] damage(Kind kind, Random rnd) {
        byte[] b = elf.clone();
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        List<ElfFile.Section> sections = parsed.sections();
        long shoff = buf.getLong(40);
        switch (kind) {
            case TRUNCATED -> { return Arrays.copyOf(b, rnd.nextInt(b.length)); }
            case ELF_HEADER -> {
                int[][] fields = {{4, 1}, {5, 1}, {16, 2}, {18, 2}, {40, 8}, {58, 2}, {60, 2}, {62, 2}};
                int[] f = fields[rnd.nextInt(fields.length)];
                put(buf, f[0], f[1], extreme(rnd));
            }
            case FOREIGN_HEADER -> {
                switch (rnd.nextInt(3)) {
                    case 0 -> b[4] = 1;
                    case 1 -> b[5] = 2;
                    default -> buf.putShort(18, (short) new int[] {3, 40, 62, 183, 243, 0}[rnd.nextInt(6)]);  // x86, ARM, x86-64, AArch64, RISC-V, none
                }
            }
            case SECTION_HEADER -> {
                ElfFile.Section s = sections.get(rnd.nextInt(sections.size()));
                int base = (int) (shoff + 64L * s.index());
                int[][] fields = {{0, 4}, {4, 4}, {8, 8}, {24, 8}, {32, 8}, {40, 4}, {44, 4}, {56, 8}};
                int[] f = fields[rnd.nextInt(fields.length)];
                long v = rnd.nextBoolean() ? extreme(rnd)
                        : f[1] == 4 ? rnd.nextInt(sections.size() + 2) : buf.getLong(base + f[0]) + 8L * (rnd.nextInt(9) - 4);
                put(buf, base + f[0], f[1], v);
            }
            case SWAPPED_SECTION_HEADERS -> {
                int a = (int) (shoff + 64L * rnd.nextInt(sections.size())), c = (int) (shoff + 64L * rnd.nextInt(sections.size()));
                int field = new int[] {0, 24, 32, 40}[rnd.nextInt(4)];
                int len = field == 0 || field == 40 ? 8 : 16;  // name+type, offset+size, size+link, link+info
                byte[] tmp = Arrays.copyOfRange(b, a + field, a + field + len);
                System.arraycopy(b, c + field, b, a + field, len);
                System.arraycopy(tmp, 0, b, c + field, len);
            }
            case SYMBOL -> {
                ElfFile.Section symtab = first(Elf.SHT_SYMTAB);
                int entry = (int) (symtab.offset() + 24L * rnd.nextInt((int) (symtab.size() / 24)));
                int[][] fields = {{0, 4}, {4, 1}, {6, 2}, {8, 8}, {16, 8}};
                int[] f = fields[rnd.nextInt(fields.length)];
                long v = rnd.nextBoolean() ? extreme(rnd) : f[0] == 6 ? rnd.nextInt(sections.size() + 2) : 8L * rnd.nextInt(64) + 4L * rnd.nextInt(2);
                put(buf, entry + f[0], f[1], v);
            }
            case RELOCATION -> {
                List<ElfFile.Section> rels = sections.stream().filter(x -> x.type() == Elf.SHT_REL && x.size() >= 16).toList();
                if (rels.isEmpty()) return flip(b, rnd, 0, b.length);
                ElfFile.Section rel = rels.get(rnd.nextInt(rels.size()));
                int entry = (int) (rel.offset() + 16L * rnd.nextInt((int) (rel.size() / 16)));
                switch (rnd.nextInt(3)) {
                    case 0 -> buf.putLong(entry, rnd.nextBoolean() ? extreme(rnd) : buf.getLong(entry) + 8L * (rnd.nextInt(9) - 4));
                    case 1 -> buf.putInt(entry + 12, rnd.nextBoolean() ? (int) extreme(rnd) : rnd.nextInt(parsed.symbols().size() + 3));
                    default -> buf.putInt(entry + 8, rnd.nextInt(16));
                }
            }
            case CODE -> {
                List<ElfFile.Section> code = sections.stream().filter(x -> x.isExecutable() && x.size() > 0).toList();
                ElfFile.Section s = code.get(rnd.nextInt(code.size()));
                int insn = (int) (s.offset() + 8L * rnd.nextInt((int) (s.size() / 8)));
                switch (rnd.nextInt(4)) {
                    case 0 -> b[insn] = (byte) rnd.nextInt(256);
                    case 1 -> buf.putShort(insn + 2, (short) rnd.nextInt(65536));
                    case 2 -> b[insn + 1] = (byte) rnd.nextInt(256);
                    default -> buf.putInt(insn + 4, (int) extreme(rnd));
                }
            }
            case BTF_HEADER -> {
                ElfFile.Section btf = parsed.section(".BTF");
                int at = (int) btf.offset() + 4 + 4 * rnd.nextInt(5);  // hdr_len, type_off, type_len, str_off, str_len
                buf.putInt(at, rnd.nextBoolean() ? (int) extreme(rnd) : buf.getInt(at) + rnd.nextInt(17) - 8);
            }
            case BTF_TYPES, BTF_STRINGS -> {
                ElfFile.Section btf = parsed.section(".BTF");
                int base = (int) btf.offset(), hdr = buf.getInt(base + 4);
                int from = base + hdr + buf.getInt(base + (kind == Kind.BTF_TYPES ? 8 : 16));
                int len = buf.getInt(base + (kind == Kind.BTF_TYPES ? 12 : 20));
                if (kind == Kind.BTF_TYPES && rnd.nextBoolean() && len >= 4) {
                    // a whole u32 of a type record (name offset, info, size or type, member fields) to an extreme
                    buf.putInt(from + 4 * rnd.nextInt(len / 4), (int) extreme(rnd));
                    return b;
                }
                return flip(b, rnd, from, from + len);
            }
            case BTF_EXT -> {
                ElfFile.Section ext = parsed.section(".BTF.ext");
                if (ext == null) return flip(b, rnd, 0, b.length);
                int base = (int) ext.offset();
                if (rnd.nextBoolean()) {
                    int at = base + 4 + 4 * rnd.nextInt(Math.max(1, (buf.getInt(base + 4) - 4) / 4));
                    buf.putInt(at, rnd.nextBoolean() ? (int) extreme(rnd) : buf.getInt(at) + rnd.nextInt(17) - 8);
                    return b;
                }
                int at = base + buf.getInt(base + 4) + 4 * rnd.nextInt((int) (ext.size() - buf.getInt(base + 4)) / 4);
                buf.putInt(at, rnd.nextBoolean() ? (int) extreme(rnd) : buf.getInt(at) + rnd.nextInt(17) - 8);
            }
            case MAPS -> {
                // BTF-defined maps are zeros in .maps described by the DATASEC of that name: damage the section itself
                // (contents, size) or the symbols placed in it
                ElfFile.Section maps = parsed.section(".maps");
                if (maps == null) return flip(b, rnd, 0, b.length);
                int base = (int) (shoff + 64L * maps.index());
                switch (rnd.nextInt(3)) {
                    case 0 -> { if (maps.size() > 0) b[(int) (maps.offset() + rnd.nextInt((int) maps.size()))] = (byte) (1 + rnd.nextInt(255)); }
                    case 1 -> buf.putLong(base + 32, rnd.nextBoolean() ? extreme(rnd) : maps.size() - 8 * (1 + rnd.nextInt(4)));
                    default -> {
                        ElfFile.Symbol sym = parsed.symbols().stream().filter(x -> x.shndx() == maps.index()).findAny().orElse(null);
                        if (sym == null) return flip(b, rnd, 0, b.length);
                        int entry = (int) (first(Elf.SHT_SYMTAB).offset() + 24L * sym.index());
                        put(buf, entry + (rnd.nextBoolean() ? 8 : 16), 8, rnd.nextBoolean() ? extreme(rnd) : 4L * rnd.nextInt(32));
                    }
                }
            }
            case LICENSE -> {
                ElfFile.Section license = parsed.section("license");
                if (license == null || license.size() == 0) return flip(b, rnd, 0, b.length);
                int at = (int) (license.offset() + rnd.nextInt((int) license.size()));
                b[at] = rnd.nextBoolean() ? (byte) rnd.nextInt(256) : 0;
            }
        }
        return b;
    }

    private ElfFile.Section first(int type) {
        return parsed.sections().stream().filter(x -> x.type() == type).findFirst().orElseThrow();
    }

    public static byte[] flip(byte[] b, Random rnd, int from, int to) {
        if (to <= from) return b;
        for (int k = 0, n = 1 + rnd.nextInt(3); k < n; k++) b[from + rnd.nextInt(to - from)] ^= (byte) (1 + rnd.nextInt(255));
        return b;
    }

    public static long extreme(Random rnd) { return EXTREMES[rnd.nextInt(EXTREMES.length)]; }

    public static void put(ByteBuffer buf, int at, int width, long v) {
        switch (width) {
            case 1 -> buf.put(at, (byte) v);
            case 2 -> buf.putShort(at, (short) v);
            case 4 -> buf.putInt(at, (int) v);
            default -> buf.putLong(at, v);
        }
    }
}
