package org.jbpf.toolchain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * System call names by number, x86-64: from this machine's kernel headers ({@code #define __NR_getppid 110} lines of
 * {@code asm/unistd_64.h}, linux-libc-dev), then for the numbers they lack from jbpf's own copy of the kernel's table
 * ({@code syscalls-x86_64.txt}, through Linux 6.18): the headers a distribution ships trail its kernels, which add
 * system calls at the end (Debian 12's stop at 450, and lack 335 and 336), and numbers are never reused. Read once; a
 * number neither names is its own text.
 */
final class SyscallNames {
    private SyscallNames() {}

    static final String TABLE = "syscalls-x86_64.txt";
    static final List<Path> HEADERS = List.of(Path.of("/usr/include/x86_64-linux-gnu/asm/unistd_64.h"), Path.of("/usr/include/asm/unistd_64.h"));

    private static volatile Map<Long, String> names;

    /** The name of syscall {@code number}, or the number as text. */
    static String of(long number) {
        String name = table().get(number);
        return name != null ? name : Long.toString(number);
    }

    private static Map<Long, String> table() {
        Map<Long, String> t = names;
        if (t == null) {
            t = read(HEADERS);
            Map<Long, String> own = table(SyscallNames.class.getResourceAsStream(TABLE));
            for (Map.Entry<Long, String> e : own.entrySet()) t.putIfAbsent(e.getKey(), e.getValue());
            names = t;
        }
        return t;
    }

    /** The {@code number name} rows of jbpf's table ({@code #} starts a comment line); empty when it is missing. */
    static Map<Long, String> table(InputStream in) {
        Map<Long, String> out = new HashMap<>();
        if (in == null) return out;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                int space = line.indexOf(' ');
                if (line.startsWith("#") || space <= 0) continue;
                out.put(Long.parseLong(line.substring(0, space)), line.substring(space + 1).trim());
            }
        } catch (IOException | NumberFormatException unreadable) {
            // the headers alone, then
        }
        return out;
    }

    /** The {@code __NR_} definitions of the first readable header. */
    static Map<Long, String> read(List<Path> headers) {
        Map<Long, String> out = new HashMap<>();
        for (Path h : headers) {
            try {
                for (String line : Files.readAllLines(h)) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length == 3 && f[0].equals("#define") && f[1].startsWith("__NR_")) {
                        try {
                            out.put(Long.parseLong(f[2]), f[1].substring("__NR_".length()));
                        } catch (NumberFormatException notANumber) {
                            // a definition in terms of another: not a table row
                        }
                    }
                }
                if (!out.isEmpty()) return out;
            } catch (IOException | RuntimeException unreadable) {
                // try the next place
            }
        }
        return out;
    }
}
