package org.jbpf.loader.attach;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jbpf.core.program.NearNames;
import org.jbpf.loader.sys.BpfException;

/**
 * The function symbols of an ELF64 little-endian binary or shared library, at file offsets: the symbol's address from
 * {@code .symtab} (or {@code .dynsym} when stripped), translated through the PT_LOAD segment that contains it. A
 * uprobe attaches at such an offset, and a user stack frame (its address minus its mapping's start plus the mapping's
 * file offset) is named by one.
 */
public final class ElfSymbols {
    private ElfSymbols() {}

    private static final int SHT_SYMTAB = 2, SHT_DYNSYM = 11, SHT_NOTE = 7, PT_LOAD = 1, STT_FUNC = 2, STT_GNU_IFUNC = 10;

    /** A defined function symbol: its name without a version suffix such as {@code @GLIBC_2.2.5}, file offset and size. */
    public record Function(String name, long fileOffset, long size) {}

    /** File offset of {@code symbol} in {@code binary}; a "name+0x10" suffix adds to it. */
    public static long offset(Path binary, String symbol) {
        long extra = 0;
        int plus = symbol.indexOf('+');
        if (plus > 0) {
            extra = Long.decode(symbol.substring(plus + 1));
            symbol = symbol.substring(0, plus);
        }
        ByteBuffer elf = read(binary);
        long vaddr = find(elf, symbol, SHT_SYMTAB);
        if (vaddr == 0) vaddr = find(elf, symbol, SHT_DYNSYM);
        if (vaddr == 0)
            throw new BpfException("no function " + symbol + " in " + binary + " (.symtab/.dynsym)" + NearNames.didYouMean(symbol,
                    functionNames(binary)) + "; or attach by file offset (attachUprobe(path, offset, ...))");
        long off = fileOffset(elf, vaddr);
        if (off < 0)
            throw new BpfException("symbol \"" + symbol + "\" of " + binary + " at 0x" + Long.toHexString(vaddr)
                    + " lies in no loadable segment");
        return off + extra;
    }

    /**
     * {@code binary} mapped for reading, after checking that it is a 64-bit little-endian ELF file.
     *
     * @throws BpfException naming the file when it cannot be read or is not such a file
     */
    public static ByteBuffer read(Path binary) {
        ByteBuffer elf;
        try (FileChannel ch = FileChannel.open(binary, StandardOpenOption.READ)) {
            elf = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size()).order(ByteOrder.LITTLE_ENDIAN);
        } catch (IOException e) {
            throw new BpfException("cannot read " + binary + ": " + e.getMessage(), e);
        }
        if (elf.remaining() < 64 || elf.getInt(0) != 0x464c457f || elf.get(4) != 2 || elf.get(5) != 1)
            throw new BpfException(binary + " is not a 64-bit little-endian ELF file");
        return elf;
    }

    /** The names of the defined function symbols of {@code binary} ({@code .symtab} and {@code .dynsym}). */
    public static Set<String> functionNames(Path binary) {
        ByteBuffer elf = read(binary);
        Set<String> names = new TreeSet<>();
        for (int type : new int[] {SHT_SYMTAB, SHT_DYNSYM})
            forEachFunction(elf, type, (sym, value, size) -> {
                names.add(unversioned(sym));
                return false;
            });
        return names;
    }

    /**
     * The function symbols of {@code .symtab}, or of {@code .dynsym} when there is no {@code .symtab} (a stripped
     * file), at their file offsets; symbols in no loadable segment are left out.
     */
    public static List<Function> functions(ByteBuffer elf) {
        List<Function> out = new ArrayList<>();
        for (int type : new int[] {SHT_SYMTAB, SHT_DYNSYM}) {
            forEachFunction(elf, type, (name, value, size) -> {
                long off = fileOffset(elf, value);
                if (off >= 0) out.add(new Function(unversioned(name), off, size));
                return false;
            });
            if (!out.isEmpty()) break;  // .symtab has every .dynsym function and the local ones too
        }
        return out;
    }

    /** The GNU build id (hex) from the file's notes, or null. */
    public static String buildId(ByteBuffer elf) {
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

    private static String unversioned(String name) {
        int at = name.indexOf('@');
        return at > 0 ? name.substring(0, at) : name;
    }

    /** Address of the first defined function symbol named {@code name} (or {@code name@VERSION}) in sections of {@code type}, or 0. */
    private static long find(ByteBuffer elf, String name, int type) {
        long[] found = {0};
        forEachFunction(elf, type, (sym, value, size) -> {
            if (!sym.equals(name) && !sym.startsWith(name + "@")) return false;
            found[0] = value;
            return true;
        });
        return found[0];
    }

    /** What {@link #forEachFunction} calls per defined function symbol; true stops the walk. */
    private interface SymbolVisitor {
        boolean visit(String name, long value, long size);
    }

    /** Calls {@code visitor} for each defined function symbol in the sections of {@code type} until it returns true. */
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
                String sym = cString(elf, (int) (strOff + (elf.getInt((int) s) & 0xffffffffL)));
                if (visitor.visit(sym, value, elf.getLong((int) s + 16))) return;
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

    private static String cString(ByteBuffer elf, int at) {
        int end = at;
        while (end < elf.limit() && elf.get(end) != 0) end++;
        byte[] b = new byte[end - at];
        elf.get(at, b);
        return new String(b, StandardCharsets.UTF_8);
    }
}
