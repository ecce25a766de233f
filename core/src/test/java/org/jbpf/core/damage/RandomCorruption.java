package org.jbpf.core.damage;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.jbpf.core.elf.Elf;
import org.jbpf.core.elf.ElfFile;

/**
 * Corruption drawn at random rather than aimed: one to four edits stacked on a sound file, each picked from byte
 * flips, a field of 1, 2, 4 or 8 bytes set to 0, all ones, a huge value, a near value or random bits, two equal
 * spans swapped, a span copied over another, the file cut short or grown. Edits land in regions of the file
 * (an object's ELF header, each section header, each section's contents; a BTF blob's header, types and strings; a
 * class file as a whole) so that counts, offsets and records of every table are hit, not only the fields a reader is
 * known to look at. {@link ObjectDamage} and {@link ClassDamage} aim at one place each; this finds what they miss.
 */
public final class RandomCorruption {
    /** Values a field is set to, cut to its width: zero, all ones, sign bits, sizes that overflow when added or scaled. */
    private static final long[] HUGE = {0, -1L, 0x7f, 0x80, 0xff, 0x7fff, 0x8000, 0xffff, 0x7fffffffL, 0x80000000L, 0xffffffffL,
            0x100000000L, 0x7fffffffffffffffL, Long.MIN_VALUE, 0x0fffffffL, 0x10000};

    /** A span of the file: where it starts and how long it is. */
    private record Region(int from, int length) {}

    private final byte[] sound;
    private final List<Region> regions;
    private final ByteOrder order;

    private RandomCorruption(byte[] sound, List<Region> regions, ByteOrder order) {
        this.sound = sound.clone();
        this.regions = regions;
        this.order = order;
    }

    /** For a sound BPF ELF object: its ELF header, every section header and every section's contents. */
    public static RandomCorruption ofObject(byte[] elf, String name) {
        ElfFile parsed = ElfFile.parse(elf, name);
        List<Region> regions = new ArrayList<>();
        regions.add(new Region(0, 64));
        long shoff = ByteBuffer.wrap(elf).order(ByteOrder.LITTLE_ENDIAN).getLong(40);
        for (ElfFile.Section s : parsed.sections()) {
            regions.add(new Region((int) (shoff + 64L * s.index()), 64));
            if (s.type() != Elf.SHT_NOBITS && s.size() > 0) {
                Region contents = new Region((int) s.offset(), (int) s.size());
                regions.add(contents);
                // the tables readers walk record by record are hit as often as all the rest together
                if (s.type() == Elf.SHT_SYMTAB || s.type() == Elf.SHT_REL || s.name().startsWith(".BTF") || s.name().equals(".maps")) {
                    regions.add(contents);
                    regions.add(contents);
                }
            }
        }
        return new RandomCorruption(elf, regions, ByteOrder.LITTLE_ENDIAN);
    }

    /** For a sound .BTF blob: its header, its type records and its strings. */
    public static RandomCorruption ofBtf(byte[] btf) {
        ByteBuffer b = ByteBuffer.wrap(btf).order(ByteOrder.LITTLE_ENDIAN);
        int hdr = b.getInt(4);
        List<Region> regions = new ArrayList<>(List.of(new Region(0, hdr), new Region(0, hdr),
                new Region(hdr + b.getInt(8), b.getInt(12)), new Region(hdr + b.getInt(8), b.getInt(12)),
                new Region(hdr + b.getInt(16), b.getInt(20))));
        return new RandomCorruption(btf, regions, ByteOrder.LITTLE_ENDIAN);
    }

    /** For a sound class file: the whole of it (its fields are big-endian and unaligned). */
    public static RandomCorruption ofClass(byte[] classFile) {
        return new RandomCorruption(classFile, List.of(new Region(0, Math.min(10, classFile.length)), new Region(0, classFile.length),
                new Region(0, classFile.length)), ByteOrder.BIG_ENDIAN);
    }

    /** A corrupted copy: one to four edits, drawn from {@code rnd}. */
    public byte[] corrupt(Random rnd) { return corrupt(rnd, new ArrayList<>()); }

    /** A corrupted copy, as {@link #corrupt(Random)}; each edit made is added to {@code edits}, for a failure's report. */
    public byte[] corrupt(Random rnd, List<String> edits) {
        byte[] b = sound.clone();
        for (int e = 0, n = 1 + rnd.nextInt(4); e < n && b.length > 0; e++) {
            StringBuilder what = new StringBuilder();
            b = edit(b, rnd, what);
            edits.add(what.toString().strip());
        }
        return b;
    }

    private byte[] edit(byte[] b, Random rnd, StringBuilder what) {
        Region r = regions.get(rnd.nextInt(regions.size()));
        int from = Math.min(r.from(), b.length - 1), length = Math.max(1, Math.min(r.length(), b.length - from));
        boolean aligned = order == ByteOrder.LITTLE_ENDIAN;
        int pick = rnd.nextInt(20);
        if (pick < 4) {
            for (int k = 0, n = 1 + rnd.nextInt(3); k < n; k++) {
                int at = from + rnd.nextInt(length);
                int mask = 1 << rnd.nextInt(8);
                b[at] ^= (byte) (rnd.nextBoolean() ? mask : 1 + rnd.nextInt(255));
                what.append("flip byte ").append(at).append(' ');
            }
        } else if (pick < 14) {
            int width = new int[] {1, 2, 4, 4, 4, 8}[rnd.nextInt(6)];
            if (width > length) width = length >= 4 ? 4 : length >= 2 ? 2 : 1;
            int slots = (length - width) / (aligned ? width : 1) + 1;
            int at = from + rnd.nextInt(slots) * (aligned ? width : 1);
            ByteBuffer buf = ByteBuffer.wrap(b).order(order);
            long old = get(buf, at, width), v = switch (rnd.nextInt(5)) {
                case 0 -> 0;
                case 1 -> -1L;
                case 2 -> HUGE[rnd.nextInt(HUGE.length)];
                case 3 -> old + rnd.nextInt(17) - 8;
                default -> rnd.nextLong();
            };
            ObjectDamage.put(buf, at, width, v);
            what.append("set ").append(width).append(" bytes at ").append(at).append(" from ").append(old).append(" to ").append(get(buf, at, width));
        } else if (pick < 16) {
            Region o = regions.get(rnd.nextInt(regions.size()));
            int len = 1 + rnd.nextInt(Math.max(1, Math.min(Math.min(length, o.length()), 64)));
            int a = Math.min(from + rnd.nextInt(Math.max(1, length - len + 1)), b.length - len);
            int c = Math.min(Math.min(o.from(), b.length - 1) + rnd.nextInt(Math.max(1, o.length() - len + 1)), b.length - len);
            if (a < 0 || c < 0) return b;
            byte[] tmp = Arrays.copyOfRange(b, a, a + len);
            boolean swap = rnd.nextBoolean();
            if (swap) System.arraycopy(b, c, b, a, len);
            System.arraycopy(tmp, 0, b, c, len);
            what.append(swap ? "swap " : "copy ").append(len).append(" bytes at ").append(a).append(" and ").append(c);
        } else if (pick < 18) {
            int at = from + rnd.nextInt(length);
            what.append("cut at ").append(at);
            return Arrays.copyOf(b, at);
        } else {
            int extra = 1 + rnd.nextInt(64);
            byte[] longer = Arrays.copyOf(b, b.length + extra);
            for (int i = b.length; i < longer.length; i++) longer[i] = (byte) rnd.nextInt(256);
            what.append("grow by ").append(extra);
            return longer;
        }
        return b;
    }

    private static long get(ByteBuffer buf, int at, int width) {
        return switch (width) {
            case 1 -> buf.get(at) & 0xffL;
            case 2 -> buf.getShort(at) & 0xffffL;
            case 4 -> buf.getInt(at) & 0xffffffffL;
            default -> buf.getLong(at);
        };
    }
}
