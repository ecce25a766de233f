package org.jbpf.core.btf;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jbpf.core.elf.ByteSink;

/** A BTF string section under construction: offset 0 is the empty string, each distinct string is stored once. */
final class BtfStrings {
    private final Map<String, Integer> offsets = new LinkedHashMap<>();
    private final ByteSink bytes = new ByteSink();

    BtfStrings() { add(""); }

    int add(String s) {
        if (s == null) s = "";
        Integer off = offsets.get(s);
        if (off != null) return off;
        int at = bytes.size();
        if (s.indexOf('\0') >= 0) throw new IllegalArgumentException("BTF string contains a NUL character: " + s);
        bytes.cstring(s);
        offsets.put(s, at);
        return at;
    }

    Map<String, Integer> offsets() { return offsets; }

    byte[] toByteArray() { return bytes.toByteArray(); }
}
