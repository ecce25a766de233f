package org.jbpf.loader.attach;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.jbpf.loader.sys.BpfException;

/**
 * Finds the file offset of a function in an ELF64 little-endian binary or shared library, which is what a uprobe
 * attaches at: the symbol's address from {@code .symtab} (or {@code .dynsym} when stripped), translated through the
 * PT_LOAD segment that contains it.
 */
public final class ElfSymbols {
    private ElfSymbols() {}

    private static final int SHT_SYMTAB = 2, SHT_DYNSYM = 11, PT_LOAD = 1, STT_FUNC = 2, STT_GNU_IFUNC = 10;

    /** File offset of {@code symbol} in {@code binary}; a "name+0x10" suffix adds to it. */
    public static long offset(Path binary, String symbol) {
        long extra = 0;
        int plus = symbol.indexOf('+');
        if (plus > 0) {
            extra = Long.decode(symbol.substring(plus + 1));
            symbol = symbol.substring(0, plus);
        }
        ByteBuffer elf = map(binary);
        if (elf.remaining() < 64 || elf.getInt(0) != 0x464c457f || elf.get(4) != 2 || elf.get(5) != 1)
            throw new BpfException(binary + " is not a 64-bit little-endian ELF file");
        long vaddr = find(elf, symbol, SHT_SYMTAB);
        if (vaddr == 0) vaddr = find(elf, symbol, SHT_DYNSYM);
        if (vaddr == 0)
            throw new BpfException("no function symbol \"" + symbol + "\" in " + binary + " (.symtab/.dynsym)"
                    + "; attach by file offset instead (attachUprobe(path, offset, ...))");
        return toFileOffset(elf, vaddr, binary, symbol) + extra;
    }

    private static ByteBuffer map(Path binary) {
        try (FileChannel ch = FileChannel.open(binary, StandardOpenOption.READ)) {
            return ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size()).order(ByteOrder.LITTLE_ENDIAN);
        } catch (IOException e) {
            throw new BpfException("cannot read " + binary + ": " + e.getMessage(), e);
        }
    }

    /**
     * The names of the defined function symbols of {@code binary} ({@code .symtab} and {@code .dynsym}, version
     * suffixes such as {@code @GLIBC_2.2.5} removed), for checks and suggestions before attaching.
     */
    public static java.util.Set<String> functionNames(Path binary) {
        ByteBuffer elf = map(binary);
        if (elf.remaining() < 64 || elf.getInt(0) != 0x464c457f || elf.get(4) != 2 || elf.get(5) != 1)
            throw new BpfException(binary + " is not a 64-bit little-endian ELF file");
        java.util.Set<String> names = new java.util.TreeSet<>();
        for (int type : new int[] {SHT_SYMTAB, SHT_DYNSYM})
            forEachFunction(elf, type, (sym, value) -> {
                int at = sym.indexOf('@');
                names.add(at > 0 ? sym.substring(0, at) : sym);
                return false;
            });
        return names;
    }

    /** Address of the first defined function symbol named {@code name} (or {@code name@VERSION}) in sections of {@code type}, or 0. */
    private static long find(ByteBuffer elf, String name, int type) {
        long[] found = {0};
        forEachFunction(elf, type, (sym, value) -> {
            if (!sym.equals(name) && !sym.startsWith(name + "@")) return false;
            found[0] = value;
            return true;
        });
        return found[0];
    }

    /** What {@link #forEachFunction} calls per defined function symbol; true stops the walk. */
    private interface SymbolVisitor {
        boolean visit(String name, long value);
    }

    /** Calls {@code visitor} for each defined function symbol in the sections of {@code type} until it returns true. */
    private static void forEachFunction(ByteBuffer elf, int type, SymbolVisitor visitor) {
        long shoff = elf.getLong(0x28);
        int shentsize = elf.getShort(0x3a) & 0xffff, shnum = elf.getShort(0x3c) & 0xffff;
        for (int i = 0; i < shnum; i++) {
            int sh = (int) (shoff + (long) i * shentsize);
            if (elf.getInt(sh + 4) != type) continue;
            long off = elf.getLong(sh + 0x18), size = elf.getLong(sh + 0x20), entsize = elf.getLong(sh + 0x38);
            int link = elf.getInt(sh + 0x28);
            int strSh = (int) (shoff + (long) link * shentsize);
            long strOff = elf.getLong(strSh + 0x18);
            if (entsize == 0) entsize = 24;
            for (long s = off; s + entsize <= off + size; s += entsize) {
                int info = elf.get((int) s + 4) & 0xf;
                long value = elf.getLong((int) s + 8);
                if ((info != STT_FUNC && info != STT_GNU_IFUNC) || value == 0) continue;
                if (visitor.visit(cString(elf, (int) (strOff + (elf.getInt((int) s) & 0xffffffffL))), value)) return;
            }
        }
    }

    private static long toFileOffset(ByteBuffer elf, long vaddr, Path binary, String symbol) {
        long phoff = elf.getLong(0x20);
        int phentsize = elf.getShort(0x36) & 0xffff, phnum = elf.getShort(0x38) & 0xffff;
        for (int i = 0; i < phnum; i++) {
            int ph = (int) (phoff + (long) i * phentsize);
            if (elf.getInt(ph) != PT_LOAD) continue;
            long pOffset = elf.getLong(ph + 8), pVaddr = elf.getLong(ph + 16), pMemsz = elf.getLong(ph + 40);
            if (vaddr >= pVaddr && vaddr < pVaddr + pMemsz) return vaddr - pVaddr + pOffset;
        }
        throw new BpfException("symbol \"" + symbol + "\" of " + binary + " at 0x" + Long.toHexString(vaddr)
                + " lies in no loadable segment");
    }

    private static String cString(ByteBuffer elf, int at) {
        int end = at;
        while (end < elf.limit() && elf.get(end) != 0) end++;
        byte[] b = new byte[end - at];
        elf.get(at, b);
        return new String(b, StandardCharsets.UTF_8);
    }
}
