package org.jbpf.toolchain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * System call names by number, from the x86-64 table of this machine's kernel headers ({@code #define __NR_getppid
 * 110} lines of {@code asm/unistd_64.h}), read once. Without the headers, or for a number they do not name, the
 * number is its own text.
 */
final class SyscallNames {
    private SyscallNames() {}

    static final List<Path> HEADERS = List.of(Path.of("/usr/include/x86_64-linux-gnu/asm/unistd_64.h"), Path.of("/usr/include/asm/unistd_64.h"));

    private static volatile Map<Long, String> names;

    /** The name of syscall {@code number}, or the number as text. */
    static String of(long number) {
        String name = table().get(number);
        return name != null ? name : Long.toString(number);
    }

    private static Map<Long, String> table() {
        Map<Long, String> t = names;
        if (t == null) names = t = read(HEADERS);
        return t;
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
