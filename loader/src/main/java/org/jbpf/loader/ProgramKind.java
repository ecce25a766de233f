package org.jbpf.loader;

import org.jbpf.core.program.Section;
import org.jbpf.core.program.SectionKind;
import org.jbpf.core.program.SectionKinds;

/**
 * How a program section loads, as the loader sees it: a view of the validated {@link Section}, with the kernel
 * program type and expected attach type of its {@link SectionKind}.
 */
public record ProgramKind(Section section) {

    /** The kind of {@code section}; an IllegalArgumentException says what is wrong with a bad section name. */
    public static ProgramKind of(String section) { return new ProgramKind(Section.parse(section)); }

    /** The row of the section table. */
    public SectionKind kind() { return section.kind(); }

    /** The canonical kind name, e.g. "tracepoint" for a "tp/..." section. */
    public String sectionKind() { return section.kind().canonicalName(); }

    public int progType() { return section.kind().programType(); }

    public int expectedAttachType() { return section.kind().expectedAttachType(); }

    /** The part of the section after the kind, e.g. "syscalls/sys_enter_read", or "" when there is none. */
    public static String target(String section) {
        String prefix = SectionKinds.prefixOf(section);
        return prefix.length() == section.length() ? "" : section.substring(prefix.length() + 1);
    }
}
