package org.jbpf.runtime;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * NUL-terminated strings in fixed byte arrays, as the kernel writes them ({@code bpf_get_current_comm}, file
 * names): the text is the UTF-8 bytes before the first NUL, or the whole array when it is full. Struct codecs use
 * this for {@code @Size(n) String} fields; probe code keeps {@code @CString @Size(n) byte[]} fields, which
 * {@link #text(byte[])} reads.
 */
public final class CStrings {
    private CStrings() {}

    /** The text of a {@code @CString} byte array; null for null. */
    public static String text(byte[] bytes) {
        if (bytes == null) return null;
        int end = 0;
        while (end < bytes.length && bytes[end] != 0) end++;
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }

    /** The text of the {@code size} bytes at index {@code at} of {@code in}; the buffer's position is left alone. */
    public static String read(ByteBuffer in, int at, int size) {
        int end = 0;
        while (end < size && in.get(at + end) != 0) end++;
        byte[] b = new byte[end];
        in.get(at, b);
        return new String(b, StandardCharsets.UTF_8);
    }

    /**
     * Writes {@code s} as UTF-8 at index {@code at}, the rest of the {@code size} bytes NUL (null writes only NULs).
     *
     * @throws IllegalArgumentException when the text takes more than {@code size} bytes, naming {@code what}
     */
    public static void write(String s, ByteBuffer out, int at, int size, String what) {
        byte[] b = s == null ? new byte[0] : s.getBytes(StandardCharsets.UTF_8);
        if (b.length > size)
            throw new IllegalArgumentException(what + ": \"" + s + "\" takes " + b.length + " bytes, more than its @Size(" + size + ")");
        out.put(at, b);
        for (int i = b.length; i < size; i++) out.put(at + i, (byte) 0);
    }
}
