package org.jbpf.loader;

import org.jbpf.loader.sys.ProgType;

/**
 * How a program section loads: its kernel program type and expected attach type, derived from the section kind
 * (the section name up to its first '/').
 */
public record ProgramKind(String sectionKind, int progType, int expectedAttachType) {

    /** Section kinds this loader knows, for error messages. */
    public static final String KNOWN = "tracepoint/<category>/<name>, raw_tracepoint/<name> (raw_tp), "
            + "kprobe/<function>, kretprobe/<function>, uprobe/<path>:<symbol>, uretprobe/<path>:<symbol>, xdp, socket, "
            + "perf_event, classifier (tc)";

    public static ProgramKind of(String section) {
        int slash = section.indexOf('/');
        String kind = slash < 0 ? section : section.substring(0, slash);
        switch (kind) {
            case "tracepoint": case "tp": return new ProgramKind(kind, ProgType.TRACEPOINT, 0);
            case "raw_tracepoint": case "raw_tp": return new ProgramKind(kind, ProgType.RAW_TRACEPOINT, 0);
            case "kprobe": case "kretprobe": case "uprobe": case "uretprobe":
                return new ProgramKind(kind, ProgType.KPROBE, 0);
            case "xdp": return new ProgramKind(kind, ProgType.XDP, ProgType.ATTACH_XDP);
            case "socket": return new ProgramKind(kind, ProgType.SOCKET_FILTER, 0);
            case "perf_event": return new ProgramKind(kind, ProgType.PERF_EVENT, 0);
            case "classifier": case "tc": return new ProgramKind(kind, ProgType.SCHED_CLS, 0);
            default:
                throw new IllegalArgumentException("section \"" + section + "\": unknown program kind \"" + kind
                        + "\"; use one of " + KNOWN);
        }
    }

    /** The part of the section after the kind, e.g. "syscalls/sys_enter_read", or "" when there is none. */
    public static String target(String section) {
        int slash = section.indexOf('/');
        return slash < 0 ? "" : section.substring(slash + 1);
    }
}
