package org.jbpf.toolchain;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The function symbols of one ELF64 binary or shared library ({@code .symtab}, else {@code .dynsym}), by file offset:
 * a user stack frame's address minus its mapping's start plus the mapping's file offset is a file offset, so no
 * load address is needed. Files are read once per GNU build id (per path, size and time without one).
 */
public final class NativeSymbols {
    private static final int SHT_SYMTAB = 2, SHT_DYNSYM = 11, SHT_NOTE = 7, PT_LOAD = 1, STT_FUNC = 2, STT_GNU_IFUNC = 10;
    private static final Map<String, NativeSymbols> BY_BUILD_ID = new ConcurrentHashMap<>();
    private static final NativeSymbols NONE = new NativeSymbols("", new long[0], new long[0], new String[0]);

    private final String buildId;
    private final long[] offsets, sizes;
    private final String[] names;

    private NativeSymbols(String buildId, long[] offsets, long[] sizes, String[] names) {
        this.buildId = buildId;
        this.offsets = offsets;
        this.sizes = sizes;
        this.names = names;
    }

    /** The symbols of {@code file}, from the cache when a file with its build id was read before; none when unreadable. */
    public static NativeSymbols of(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer elf = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size()).order(ByteOrder.LITTLE_ENDIAN);
            if (elf.remaining() < 64 || elf.getInt(0) != 0x464c457f || elf.get(4) != 2 || elf.get(5) != 1) return NONE;
            String id = buildId(elf);
            if (id == null) {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                id = file.toRealPath() + ":" + a.size() + ":" + a.lastModifiedTime().toMillis();
            }
            return BY_BUILD_ID.computeIfAbsent(id, k -> read(k, elf));
        } catch (IOException | RuntimeException e) {
            return NONE;  // a deleted or unreadable file: its frames stay addresses
        }
    }

    /** How many files were read (not taken from the cache) so far; for tests of the cache. */
    static int cached() { return BY_BUILD_ID.size(); }

    public String buildId() { return buildId; }

    public int size() { return names.length; }

    /** {@code name+0xoff} of the function at file offset {@code offset}, or null when no symbol covers it. */
    public String symbolize(long offset) {
        int lo = 0, hi = offsets.length - 1, found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (offsets[mid] <= offset) {
                found = mid;
                lo = mid + 1;
            } else hi = mid - 1;
        }
        if (found < 0) return null;
        long off = offset - offsets[found];
        if (sizes[found] > 0 && off >= sizes[found]) return null;
        return names[found] + "+0x" + Long.toHexString(off);
    }

    private static NativeSymbols read(String buildId, ByteBuffer elf) {
        record Sym(long offset, long size, String name) {}
        List<Sym> syms = new ArrayList<>();
        for (int type : new int[] {SHT_SYMTAB, SHT_DYNSYM}) {
            forEachFunction(elf, type, (name, value, size) -> {
                long off = fileOffset(elf, value);
                int at = name.indexOf('@');
                if (off >= 0) syms.add(new Sym(off, size, at > 0 ? name.substring(0, at) : name));
            });
            if (!syms.isEmpty()) break;  // .symtab has every .dynsym function and the local ones too
        }
        // several names for one address (getpid, __getpid): the shortest public-looking one
        syms.sort((a, b) -> a.offset() != b.offset() ? Long.compare(a.offset(), b.offset())
                : a.name().startsWith("_") != b.name().startsWith("_") ? (a.name().startsWith("_") ? 1 : -1)
                : Integer.compare(a.name().length(), b.name().length()));
        List<Sym> unique = new ArrayList<>();
        for (Sym s : syms) if (unique.isEmpty() || unique.get(unique.size() - 1).offset() != s.offset()) unique.add(s);
        long[] offsets = new long[unique.size()], sizes = new long[unique.size()];
        String[] names = new String[unique.size()];
        for (int i = 0; i < unique.size(); i++) {
            offsets[i] = unique.get(i).offset();
            sizes[i] = unique.get(i).size();
            names[i] = unique.get(i).name();
        }
        return new NativeSymbols(buildId, offsets, sizes, names);
    }

    private interface SymbolVisitor {
        void visit(String name, long value, long size);
    }

    private static void forEachFunction(ByteBuffer elf, int type, SymbolVisitor visitor) {
        long shoff = elf.getLong(0x28);
        int shentsize = elf.getShort(0x3a) & 0xffff, shnum = elf.getShort(0x3c) & 0xffff;
        for (int i = 0; i < shnum; i++) {
            int sh = (int) (shoff + (long) i * shentsize);
            if (elf.getInt(sh + 4) != type) continue;
            long off = elf.getLong(sh + 0x18), size = elf.getLong(sh + 0x20), entsize = elf.getLong(sh + 0x38);
            long strOff = elf.getLong((int) (shoff + (long) elf.getInt(sh + 0x28) * shentsize) + 0x18);
            if (entsize == 0) entsize = 24;
            for (long s = off; s + entsize <= off + size; s += entsize) {
                int info = elf.get((int) s + 4) & 0xf;
                long value = elf.getLong((int) s + 8);
                if ((info != STT_FUNC && info != STT_GNU_IFUNC) || value == 0) continue;
                visitor.visit(cString(elf, (int) (strOff + (elf.getInt((int) s) & 0xffffffffL))), value, elf.getLong((int) s + 16));
            }
        }
    }

    /** The file offset of virtual address {@code vaddr}, through the PT_LOAD segment holding it; -1 when none does. */
    private static long fileOffset(ByteBuffer elf, long vaddr) {
        long phoff = elf.getLong(0x20);
        int phentsize = elf.getShort(0x36) & 0xffff, phnum = elf.getShort(0x38) & 0xffff;
        for (int i = 0; i < phnum; i++) {
            int ph = (int) (phoff + (long) i * phentsize);
            if (elf.getInt(ph) != PT_LOAD) continue;
            long pOffset = elf.getLong(ph + 8), pVaddr = elf.getLong(ph + 16), pFilesz = elf.getLong(ph + 32);
            if (vaddr >= pVaddr && vaddr < pVaddr + pFilesz) return vaddr - pVaddr + pOffset;
        }
        return -1;
    }

    /** The GNU build id (hex) from the notes, or null. */
    private static String buildId(ByteBuffer elf) {
        long shoff = elf.getLong(0x28);
        int shentsize = elf.getShort(0x3a) & 0xffff, shnum = elf.getShort(0x3c) & 0xffff;
        for (int i = 0; i < shnum; i++) {
            int sh = (int) (shoff + (long) i * shentsize);
            if (elf.getInt(sh + 4) != SHT_NOTE) continue;
            long at = elf.getLong(sh + 0x18), end = at + elf.getLong(sh + 0x20);
            while (at + 12 <= end) {
                int namesz = elf.getInt((int) at), descsz = elf.getInt((int) at + 4), type = elf.getInt((int) at + 8);
                long name = at + 12, desc = name + ((namesz + 3) & ~3);
                if (type == 3 && namesz == 4 && elf.getInt((int) name) == 0x00554e47) {  // NT_GNU_BUILD_ID, "GNU\0"
                    byte[] id = new byte[descsz];
                    elf.get((int) desc, id);
                    return HexFormat.of().formatHex(id);
                }
                at = desc + ((descsz + 3) & ~3);
            }
        }
        return null;
    }

    private static String cString(ByteBuffer elf, int at) {
        int end = at;
        while (end < elf.limit() && elf.get(end) != 0) end++;
        byte[] b = new byte[end - at];
        elf.get(at, b);
        return new String(b, StandardCharsets.UTF_8);
    }
}
