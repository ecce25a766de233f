package org.jbpf.core.obj;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jbpf.core.program.SectionKind;
import org.jbpf.core.program.SectionKinds;

/**
 * Section names as libbpf reads them, and the labels kept beside them. libbpf accepts {@code xdp}, {@code socket},
 * {@code perf_event} and {@code classifier} only as whole section names, so a labelled section such as
 * {@code perf_event/cpu-clock-99hz} or {@code xdp/firewall} is written to the ELF file under its kind's name alone
 * (programs of one kind then share that code section, as clang puts them), and the full name of each such program
 * goes into the string table {@code .jbpf.sections}: after the empty string every string table starts with, pairs of
 * program and section name. jbpf's reader restores the full names from there; libbpf skips string tables silently.
 */
final class SectionLabels {
    private SectionLabels() {}

    /** The ELF section holding the full section names that the code sections' names leave out. */
    static final String SECTION = ".jbpf.sections";

    /**
     * The code section's name for a program of {@code section}: its kind's name when the kind takes a free label
     * (which libbpf would refuse after the '/'), else the section as written.
     */
    static String elfName(String section) {
        SectionKind kind = SectionKinds.ofSection(section);
        return kind != null && !kind.attachesBySection() ? kind.canonicalName() : section;
    }

    /** The pairs for the programs whose section name differs from their code section's; empty when there are none. */
    static byte[] encode(List<ProgramSpec> programs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        for (ProgramSpec p : programs) {
            if (elfName(p.section()).equals(p.section())) continue;
            out.writeBytes(p.name().getBytes(StandardCharsets.UTF_8));
            out.write(0);
            out.writeBytes(p.section().getBytes(StandardCharsets.UTF_8));
            out.write(0);
        }
        return out.size() > 1 ? out.toByteArray() : new byte[0];
    }

    /**
     * The full section name by program name.
     *
     * @throws IllegalArgumentException saying what is wrong when the bytes are not whole NUL-terminated pairs
     */
    static Map<String, String> decode(byte[] data) {
        Map<String, String> out = new LinkedHashMap<>();
        if (data.length == 0 || data[0] != 0) throw new IllegalArgumentException("does not start with the empty string of a string table");
        int at = 1;
        while (at < data.length) {
            int nameEnd = end(data, at), sectionEnd = nameEnd < data.length ? end(data, nameEnd + 1) : data.length;
            if (sectionEnd >= data.length || nameEnd == at || sectionEnd == nameEnd + 1)
                throw new IllegalArgumentException("byte " + at + " does not start a pair of NUL-terminated program and section names");
            out.put(new String(data, at, nameEnd - at, StandardCharsets.UTF_8),
                    new String(data, nameEnd + 1, sectionEnd - nameEnd - 1, StandardCharsets.UTF_8));
            at = sectionEnd + 1;
        }
        return out;
    }

    private static int end(byte[] data, int from) {
        int i = from;
        while (i < data.length && data[i] != 0) i++;
        return i;
    }
}
