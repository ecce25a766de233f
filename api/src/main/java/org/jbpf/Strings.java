package org.jbpf;

import java.nio.charset.StandardCharsets;

/**
 * Text in byte arrays compared with string literals or with each other, the way BPF programs hold text: a
 * NUL-terminated C string in a fixed buffer such as {@code comm()}'s 16 bytes or a {@code @Size(n) byte[]} field. The
 * literal must be a constant (a literal or a {@code static final String}); the translator compares its bytes in place,
 * with no loop. The same methods run in the JVM with the same results, for tests.
 */
public final class Strings {
    private Strings() {}

    /**
     * True when {@code buf} holds exactly {@code literal}: its bytes, then a NUL (or the end of the buffer when the
     * literal fills it). {@code Strings.equals(comm, "bash")}.
     */
    public static boolean equals(byte[] buf, String literal) {
        byte[] s = literal.getBytes(StandardCharsets.UTF_8);
        return startsWith(buf, literal) && (s.length == buf.length || buf[s.length] == 0);
    }

    /**
     * True when {@code a} and {@code b} hold the same text: the bytes of each up to its first NUL, or up to its end
     * when it has none. {@code Strings.equals(comm, expected.name)}. Buffers of different lengths may be equal
     * ({@code "sh\0"} in 16 bytes equals {@code "sh"} in 2).
     */
    public static boolean equals(byte[] a, byte[] b) {
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            if (a[i] != b[i]) return false;
            if (a[i] == 0) return true;
        }
        if (a.length > n) return a[n] == 0;
        return b.length == n || b[n] == 0;
    }

    /** True when {@code buf} starts with the bytes of {@code prefix}. {@code Strings.startsWith(path, "/etc/")}. */
    public static boolean startsWith(byte[] buf, String prefix) {
        byte[] s = prefix.getBytes(StandardCharsets.UTF_8);
        if (s.length > buf.length) return false;
        for (int i = 0; i < s.length; i++) if (buf[i] != s[i]) return false;
        return true;
    }
}
