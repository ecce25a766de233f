package org.jbpf.core.program;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The one table of section kinds: lookup by any of their names, and the list of them for messages. */
public final class SectionKinds {
    private SectionKinds() {}

    private static final Map<String, SectionKind> BY_NAME = new HashMap<>();
    static {
        for (SectionKind k : SectionKind.values())
            for (String n : k.names()) BY_NAME.put(n, k);
    }

    /** Every name a kind is written with ("tracepoint", "tp", ...). */
    public static java.util.Set<String> names() { return BY_NAME.keySet(); }

    /** Every kind, in table order. */
    public static List<SectionKind> all() { return List.of(SectionKind.values()); }

    /** The kind written as {@code name} (e.g. "tp"), or null when there is none. */
    public static SectionKind byName(String name) { return BY_NAME.get(name); }

    /** The kind name at the start of a section name: everything up to its first '/'. */
    public static String prefixOf(String section) {
        int slash = section.indexOf('/');
        return slash < 0 ? section : section.substring(0, slash);
    }

    /** The kind of a section name, or null when its prefix names no kind; the target is not checked. */
    public static SectionKind ofSection(String section) { return byName(prefixOf(section)); }

    /** How each kind is written, for "use one of ..." messages. */
    public static String known() {
        return Arrays.stream(SectionKind.values())
                .map(k -> k.targetSyntax() + (k.names().size() > 1 ? " (" + String.join(", ", k.names().subList(1, k.names().size())) + ")" : ""))
                .collect(Collectors.joining(", "));
    }
}
