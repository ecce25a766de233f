package org.jbpf.toolchain;

import java.nio.charset.StandardCharsets;

/** C strings held in fixed byte arrays: decoding up to the NUL, and guessing whether unknown bytes are one. */
public final class CText {
    private CText() {}

    /**
     * The bytes before the first NUL as UTF-8 (the whole array when there is none). Control characters show as
     * {@code \xNN} so a line of output stays one line.
     */
    public static String decode(byte[] bytes) {
        int end = 0;
        while (end < bytes.length && bytes[end] != 0) end++;
        String s = new String(bytes, 0, end, StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if (c < 0x20 || c == 0x7f) sb.append(String.format("\\x%02x", (int) c));
            else sb.append(c);
        }
        return sb.toString();
    }

    /**
     * True when the bytes are a non-empty run of printable ASCII followed only by NULs: what a command or file name
     * looks like, and what a counter or an address practically never does.
     */
    public static boolean looksLikeText(byte[] bytes) {
        int end = 0;
        while (end < bytes.length && bytes[end] != 0) {
            int b = bytes[end] & 0xff;
            if (b < 0x20 || b >= 0x7f) return false;
            end++;
        }
        if (end == 0) return false;
        for (int i = end; i < bytes.length; i++) if (bytes[i] != 0) return false;
        return true;
    }
}
