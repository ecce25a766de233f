package org.jbpf.toolchain;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jbpf.loader.attach.ElfSymbols;

/**
 * The function symbols of one ELF64 binary or shared library ({@code .symtab}, else {@code .dynsym}), by file offset:
 * a user stack frame's address minus its mapping's start plus the mapping's file offset is a file offset, so no
 * load address is needed. Files are read once per GNU build id (per path, size and time without one).
 */
public final class NativeSymbols {
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
        try {
            ByteBuffer elf = ElfSymbols.read(file);
            String id = ElfSymbols.buildId(elf);
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
        int found = offset < 0 ? -1 : SortedAddresses.floor(offsets, offset);
        if (found < 0) return null;
        long off = offset - offsets[found];
        if (sizes[found] > 0 && off >= sizes[found]) return null;
        return names[found] + "+0x" + Long.toHexString(off);
    }

    private static NativeSymbols read(String buildId, ByteBuffer elf) {
        List<ElfSymbols.Function> syms = new ArrayList<>(ElfSymbols.functions(elf));
        // several names for one address (getpid, __getpid): the shortest public-looking one
        syms.sort((a, b) -> a.fileOffset() != b.fileOffset() ? Long.compare(a.fileOffset(), b.fileOffset())
                : a.name().startsWith("_") != b.name().startsWith("_") ? (a.name().startsWith("_") ? 1 : -1)
                : Integer.compare(a.name().length(), b.name().length()));
        List<ElfSymbols.Function> unique = new ArrayList<>();
        for (ElfSymbols.Function f : syms)
            if (unique.isEmpty() || unique.get(unique.size() - 1).fileOffset() != f.fileOffset()) unique.add(f);
        long[] offsets = new long[unique.size()], sizes = new long[unique.size()];
        String[] names = new String[unique.size()];
        for (int i = 0; i < unique.size(); i++) {
            offsets[i] = unique.get(i).fileOffset();
            sizes[i] = unique.get(i).size();
            names[i] = unique.get(i).name();
        }
        return new NativeSymbols(buildId, offsets, sizes, names);
    }
}
