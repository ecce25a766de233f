package org.jbpf.translator.lower;

import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * The probe's string literals that programs address in read-only data: one NUL-terminated copy of each in section
 * {@code .rodata.str1.1} (as clang names its string section), shared by all programs of the probe.
 */
public final class StringPool {
    public static final String SECTION = ".rodata.str1.1";

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final Map<String, Integer> offsets = new HashMap<>();

    /** The offset of {@code text}'s NUL-terminated bytes in the section, added on first use. */
    public int offsetOf(String text, byte[] utf8) {
        Integer known = offsets.get(text);   // no lambda: its first call links method handles at each translation's start
        if (known != null) return known;
        int at = bytes.size();
        bytes.writeBytes(utf8);
        bytes.write(0);
        offsets.put(text, at);
        return at;
    }

    public boolean isEmpty() { return bytes.size() == 0; }

    /** The section's contents. */
    public byte[] bytes() { return bytes.toByteArray(); }
}
