package org.jbpf.toolchain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Kernel addresses to function names, from /proc/kallsyms. Where the kernel hides the addresses (kptr_restrict,
 * no CAP_SYSLOG) every address reads as zero and frames stay in hex.
 */
public final class KernelSymbols {
    private final long[] addresses;
    private final String[] names;

    private KernelSymbols(long[] addresses, String[] names) {
        this.addresses = addresses;
        this.names = names;
    }

    /** The running kernel's symbols; none when /proc/kallsyms cannot be read. */
    public static KernelSymbols load() {
        try {
            return parse(Files.readAllLines(Path.of("/proc/kallsyms")));
        } catch (IOException e) {
            return parse(List.of());
        }
    }

    /** Lines as /proc/kallsyms writes them: {@code ffffffff81000000 T _stext [module]}. */
    static KernelSymbols parse(List<String> lines) {
        record Sym(long address, String name) {}
        List<Sym> syms = new ArrayList<>();
        for (String line : lines) {
            String[] f = line.split("\\s+");
            if (f.length < 3) continue;
            char type = Character.toLowerCase(f[1].charAt(0));
            if (type != 't' && type != 'w') continue;  // code only: frames point into functions
            long address = Long.parseUnsignedLong(f[0], 16);
            if (address != 0) syms.add(new Sym(address, f[2]));
        }
        syms.sort((a, b) -> Long.compareUnsigned(a.address(), b.address()));
        long[] addresses = new long[syms.size()];
        String[] names = new String[syms.size()];
        for (int i = 0; i < syms.size(); i++) {
            addresses[i] = syms.get(i).address();
            names[i] = syms.get(i).name();
        }
        return new KernelSymbols(addresses, names);
    }

    /** {@code name+0xoffset} of the function holding {@code address}, or the address in hex. */
    public String symbolize(long address) {
        int found = SortedAddresses.floor(addresses, address);
        if (found < 0) return String.format("0x%x", address);
        long off = address - addresses[found];
        return off == 0 ? names[found] : names[found] + "+0x" + Long.toHexString(off);
    }

    public int size() { return addresses.length; }

}
