package org.jbpf.core.program;

import java.util.Map;

/**
 * A parsed and validated program section name: its {@link SectionKind} and the target after the first '/'
 * (empty when the section is the kind alone, e.g. {@code xdp}). Parsing rejects what could reach the file system or
 * the kernel in a surprising way: a tracepoint is exactly {@code <category>/<name>} of identifier-like parts, so
 * {@code tracepoint/../../tmp/x} never becomes a tracefs path.
 */
public final class Section {
    private final String text, target;
    private final SectionKind kind;

    /** Only {@link #parse} makes sections, so every instance is valid. */
    private Section(String text, SectionKind kind, String target) {
        this.text = text;
        this.kind = kind;
        this.target = target;
    }

    /** The section name as written, e.g. "tp/syscalls/sys_enter_openat". */
    public String text() { return text; }

    /** The row of the section table its prefix names. */
    public SectionKind kind() { return kind; }

    /** What follows the kind and its '/', e.g. "syscalls/sys_enter_openat"; "" when nothing does. */
    public String target() { return target; }

    // The two forms are checked by loops over the characters, not regular expressions: compiling a pattern costs a cold
    // translate, which checks every section, more than the rest of the check.

    /** Letters, digits, '_', '-' and '.', not starting with '.' or '-' (so never "." or ".."). */
    private static boolean isName(String s) {
        if (s.isEmpty() || s.charAt(0) == '.' || s.charAt(0) == '-') return false;
        for (int i = 0; i < s.length(); i++) if (!isAlnum(s.charAt(i)) && "_.-".indexOf(s.charAt(i)) < 0) return false;
        return true;
    }

    /** An ELF symbol of letters, digits and "_.$@", optionally "+offset" into it (decimal, or hex after 0x). */
    private static boolean isSymbol(String s) {
        int plus = s.indexOf('+');
        String symbol = plus < 0 ? s : s.substring(0, plus);
        if (symbol.isEmpty()) return false;
        for (int i = 0; i < symbol.length(); i++) if (!isAlnum(symbol.charAt(i)) && "_.$@".indexOf(symbol.charAt(i)) < 0) return false;
        if (plus < 0) return true;
        String offset = s.substring(plus + 1);
        boolean hex = offset.length() > 2 && offset.charAt(0) == '0' && (offset.charAt(1) == 'x' || offset.charAt(1) == 'X');
        String digits = hex ? offset.substring(2) : offset;
        if (digits.isEmpty()) return false;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (!(c >= '0' && c <= '9' || hex && (c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'))) return false;
        }
        return true;
    }

    private static boolean isAlnum(char c) { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'; }
    /** bpftrace probe types (long and short) and the kind each corresponds to, to answer the colon form. */
    private static final Map<String, SectionKind> BPFTRACE = Map.ofEntries(
            Map.entry("tracepoint", SectionKind.TRACEPOINT), Map.entry("t", SectionKind.TRACEPOINT),
            Map.entry("rawtracepoint", SectionKind.RAW_TRACEPOINT), Map.entry("rt", SectionKind.RAW_TRACEPOINT),
            Map.entry("kprobe", SectionKind.KPROBE), Map.entry("k", SectionKind.KPROBE),
            Map.entry("kretprobe", SectionKind.KRETPROBE), Map.entry("kr", SectionKind.KRETPROBE),
            Map.entry("uprobe", SectionKind.UPROBE), Map.entry("u", SectionKind.UPROBE),
            Map.entry("uretprobe", SectionKind.URETPROBE), Map.entry("ur", SectionKind.URETPROBE));

    /**
     * Parses {@code text}, e.g. "tracepoint/syscalls/sys_enter_openat".
     *
     * @throws IllegalArgumentException naming the section and saying how to write it when it is not valid
     */
    public static Section parse(String text) {
        if (text == null || text.isEmpty())
            throw new IllegalArgumentException("the section name is empty; use one of " + SectionKinds.known());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= ' ' || c > '~')
                throw bad(text, "has " + (c == 0 ? "a NUL" : c == ' ' ? "a space" : "the unprintable character " + escape(String.valueOf(c)))
                        + " at index " + i + "; section names are printable ASCII without spaces");
        }
        String prefix = SectionKinds.prefixOf(text);
        SectionKind kind = SectionKinds.byName(prefix);
        if (kind == null) throw new IllegalArgumentException(unknownKind(text, prefix));
        if (prefix.length() == text.length()) return new Section(text, kind, "");
        String target = text.substring(prefix.length() + 1);
        if (target.isEmpty()) throw bad(text, "ends in '/' with no target; write " + kind.targetSyntax() + ", e.g. " + kind.example());
        checkTarget(text, kind, target);
        return new Section(text, kind, target);
    }

    private static void checkTarget(String text, SectionKind kind, String target) {
        switch (kind.target) {
            case CATEGORY_AND_NAME: {
                int slash = target.indexOf('/');
                if (slash < 0 || !isName(target.substring(0, slash))
                        || !isName(target.substring(slash + 1)))
                    throw bad(text, "is not " + kind.targetSyntax() + " with a category and a name of letters, digits, '_', "
                            + "'-' or '.' (no empty part, no '..', no further '/'), e.g. " + kind.example());
                return;
            }
            case NAME: case FUNCTION:
                if (!isName(target))
                    throw bad(text, "is not " + kind.targetSyntax() + " with a name of letters, digits, '_', '-' or '.' "
                            + "(no '/', no '..'), e.g. " + kind.example());
                return;
            case PATH_AND_SYMBOL: {
                int colon = target.lastIndexOf(':');
                if (colon <= 0 || !isSymbol(target.substring(colon + 1)))
                    throw bad(text, "is not " + kind.targetSyntax() + " (a file, ':', and a symbol with an optional +offset), e.g. "
                            + kind.example());
                return;
            }
            default:
                if (kind == SectionKind.PERF_EVENT && target.startsWith(CPU_CLOCK) && cpuClockHz(target) == 0)
                    throw bad(text, "is not perf_event/" + CPU_CLOCK + "<N>hz with N from 1 to " + MAX_HZ + " samples a second, e.g. "
                            + "perf_event/" + CPU_CLOCK + "99hz");
        }
    }

    /** The label of a perf_event section that samples every CPU by its clock: {@code cpu-clock-<N>hz}. */
    private static final String CPU_CLOCK = "cpu-clock-";
    /** The kernel refuses sampling frequencies above its perf_event_max_sample_rate, 100000 at most. */
    private static final int MAX_HZ = 100_000;

    /** N of a {@code cpu-clock-<N>hz} label, 0 when the label is not of that form or N is out of range. */
    private static int cpuClockHz(String label) {
        if (!label.startsWith(CPU_CLOCK) || !label.endsWith("hz")) return 0;
        String digits = label.substring(CPU_CLOCK.length(), label.length() - 2);
        if (digits.isEmpty() || digits.length() > 6) return 0;
        int hz = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') return 0;
            hz = hz * 10 + (c - '0');
        }
        return hz <= MAX_HZ ? hz : 0;
    }

    /**
     * The samples a second a perf_event section asks for on every CPU's clock ({@code perf_event/cpu-clock-99hz}
     * gives 99), or 0 when the section names no such event and the caller attaches it to one.
     */
    public int cpuClockHz() { return kind == SectionKind.PERF_EVENT ? cpuClockHz(target) : 0; }

    /** True when the section alone says where to attach: its kind always does, or a perf_event names its clock rate. */
    public boolean attachesBySection() { return kind.attachesBySection() || cpuClockHz() > 0; }

    private static String unknownKind(String text, String prefix) {
        if (text.startsWith("profile:hz:"))
            return "section \"" + text + "\" is written in bpftrace's colon form; jbpf samples every CPU with \"perf_event/"
                    + CPU_CLOCK + text.substring("profile:hz:".length()) + "hz\"";
        int colon = prefix.indexOf(':');
        SectionKind meant = colon > 0 ? BPFTRACE.get(prefix.substring(0, colon)) : null;
        if (meant != null) {
            String rest = text.substring(colon + 1);
            String slashed = meant.canonicalName() + "/" + (meant.target == SectionKind.Target.PATH_AND_SYMBOL ? rest : rest.replace(':', '/'));
            return "section \"" + text + "\" is written in bpftrace's colon form; jbpf sections use '/', e.g. \""
                    + slashed + "\"";
        }
        // two edits turn any short word into another ("sk" into "tc"): only a longer one is worth a guess
        String near = prefix.length() >= 4 ? NearNames.nearest(prefix, SectionKinds.names()) : null;
        return "section \"" + text + "\": unknown program kind \"" + prefix + "\"" + (near == null ? "" : " (did you mean " + near + "?)")
                + "; use one of " + SectionKinds.known();
    }

    private static IllegalArgumentException bad(String text, String why) {
        return new IllegalArgumentException("section \"" + escape(text) + "\" " + why);
    }

    /** The text with control and non-ASCII characters as escapes, so a message shows exactly what was written. */
    private static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == 0) b.append("\\0");
            else if (c < ' ' || c > '~') b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        return b.toString();
    }

    /** True when something follows the kind, e.g. "syscalls/sys_enter_openat". */
    public boolean hasTarget() { return !target.isEmpty(); }

    /**
     * This section, after checking that it says where to attach.
     *
     * @throws IllegalArgumentException when the section is the kind alone (e.g. "tracepoint") or its kind never
     *         attaches by section (xdp, socket, ...)
     */
    public Section requireAttachTarget() {
        if (!attachesBySection())
            throw new IllegalArgumentException("section \"" + text + "\": " + kind + " programs do not attach by section name; "
                    + "attach them to " + (kind == SectionKind.XDP ? "an interface" : kind == SectionKind.PERF_EVENT
                    ? "a perf event (or name one: perf_event/" + CPU_CLOCK + "99hz samples every CPU 99 times a second)"
                    : "a socket") + " explicitly");
        if (!hasTarget())
            throw new IllegalArgumentException("section \"" + text + "\" does not say where to attach; write "
                    + kind.targetSyntax() + ", e.g. " + kind.example());
        return this;
    }

    /** The tracepoint category, e.g. "syscalls" (tracepoint sections with a target only). */
    public String tracepointCategory() { return targetPart(SectionKind.TRACEPOINT, target.indexOf('/'), true); }

    /** The tracepoint name, e.g. "sys_enter_openat" (tracepoint sections with a target only). */
    public String tracepointName() { return targetPart(SectionKind.TRACEPOINT, target.indexOf('/'), false); }

    /** The file a uprobe goes into, e.g. "/bin/bash" (uprobe and uretprobe sections with a target only). */
    public String uprobePath() { return targetPart(SectionKind.UPROBE, target.lastIndexOf(':'), true); }

    /** The symbol a uprobe goes on, possibly with "+offset" (uprobe and uretprobe sections with a target only). */
    public String uprobeSymbol() { return targetPart(SectionKind.UPROBE, target.lastIndexOf(':'), false); }

    private String targetPart(SectionKind want, int split, boolean before) {
        if (kind.target != want.target || split < 0)
            throw new IllegalStateException("section \"" + text + "\" is not " + want.targetSyntax());
        return before ? target.substring(0, split) : target.substring(split + 1);
    }

    @Override public boolean equals(Object o) { return o instanceof Section other && text.equals(other.text); }

    @Override public int hashCode() { return text.hashCode(); }

    @Override public String toString() { return text; }
}
