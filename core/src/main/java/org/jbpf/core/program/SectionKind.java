package org.jbpf.core.program;

import java.util.List;

/**
 * One kind of program section, i.e. what the part of a section name before its first '/' means: the names it is
 * written with, the program type and expected attach type the kernel loads it as, the Java class its context
 * parameter has, and what may follow the '/'. {@link SectionKinds} looks kinds up by name; {@link Section} parses
 * and validates a whole section name.
 */
public enum SectionKind {
    TRACEPOINT(List.of("tracepoint", "tp"), ProgramTypes.TRACEPOINT, ProgramTypes.ATTACH_NONE, "org.jbpf.TracepointContext",
            Target.CATEGORY_AND_NAME, "tracepoint/<category>/<name>", "tracepoint/syscalls/sys_enter_openat"),
    RAW_TRACEPOINT(List.of("raw_tracepoint", "raw_tp"), ProgramTypes.RAW_TRACEPOINT, ProgramTypes.ATTACH_NONE,
            "org.jbpf.RawTracepointContext", Target.NAME, "raw_tracepoint/<name>", "raw_tracepoint/sys_enter"),
    KPROBE(List.of("kprobe"), ProgramTypes.KPROBE, ProgramTypes.ATTACH_NONE, "org.jbpf.PtRegs",
            Target.FUNCTION, "kprobe/<kernel function>", "kprobe/do_sys_openat2"),
    KRETPROBE(List.of("kretprobe"), ProgramTypes.KPROBE, ProgramTypes.ATTACH_NONE, "org.jbpf.PtRegs",
            Target.FUNCTION, "kretprobe/<kernel function>", "kretprobe/do_sys_openat2"),
    UPROBE(List.of("uprobe"), ProgramTypes.KPROBE, ProgramTypes.ATTACH_NONE, "org.jbpf.PtRegs",
            Target.PATH_AND_SYMBOL, "uprobe/<path>:<symbol>", "uprobe//usr/lib/x86_64-linux-gnu/libc.so.6:malloc"),
    URETPROBE(List.of("uretprobe"), ProgramTypes.KPROBE, ProgramTypes.ATTACH_NONE, "org.jbpf.PtRegs",
            Target.PATH_AND_SYMBOL, "uretprobe/<path>:<symbol>", "uretprobe//bin/bash:readline"),
    XDP(List.of("xdp"), ProgramTypes.XDP, ProgramTypes.ATTACH_XDP, "org.jbpf.XdpContext",
            Target.LABEL, "xdp[/<label>]", "xdp"),
    SOCKET(List.of("socket"), ProgramTypes.SOCKET_FILTER, ProgramTypes.ATTACH_NONE, "org.jbpf.SkBuffContext",
            Target.LABEL, "socket[/<label>]", "socket"),
    /** The context is {@code struct bpf_perf_event_data}, which starts with the registers. */
    PERF_EVENT(List.of("perf_event"), ProgramTypes.PERF_EVENT, ProgramTypes.ATTACH_NONE, "org.jbpf.PtRegs",
            Target.LABEL, "perf_event[/<label>]", "perf_event"),
    /** tc programs; the loader reads the label {@code ingress} or {@code egress} as the direction of a tcx link. */
    CLASSIFIER(List.of("classifier", "tc", "tcx"), ProgramTypes.SCHED_CLS, ProgramTypes.ATTACH_NONE, "org.jbpf.SkBuffContext",
            Target.LABEL, "classifier[/<label>]", "tc"),
    /**
     * A BTF-typed raw tracepoint (BPF_PROG_TYPE_TRACING): the arguments of the tracepoint's kernel function, whose
     * pointers the program reads directly; the loader names the tracepoint by its {@code btf_trace_<name>} BTF id.
     */
    TP_BTF(List.of("tp_btf"), ProgramTypes.TRACING, ProgramTypes.ATTACH_TRACE_RAW_TP, "org.jbpf.TracingContext",
            Target.NAME, "tp_btf/<tracepoint>", "tp_btf/sched_process_exec");

    /** What may follow the kind and its '/'; {@link Section#parse} checks it. */
    enum Target {
        /** {@code <category>/<name>}, both identifier-like: they become a tracefs path. */
        CATEGORY_AND_NAME,
        /** one identifier-like name */
        NAME,
        /** a kernel symbol, e.g. {@code do_sys_open} or {@code vfs_read.isra.0} */
        FUNCTION,
        /** {@code <path>:<symbol>[+offset]}; the path may itself contain '/' */
        PATH_AND_SYMBOL,
        /** free text naming the program; the kernel never sees it */
        LABEL
    }

    private final List<String> names;
    private final int programType, expectedAttachType;
    private final String contextClass, targetSyntax, example;
    final Target target;

    SectionKind(List<String> names, int programType, int expectedAttachType, String contextClass, Target target,
                String targetSyntax, String example) {
        this.names = names;
        this.programType = programType;
        this.expectedAttachType = expectedAttachType;
        this.contextClass = contextClass;
        this.target = target;
        this.targetSyntax = targetSyntax;
        this.example = example;
    }

    /** The canonical name, e.g. "tracepoint". */
    public String canonicalName() { return names.get(0); }

    /** Every name the kind is written with, the canonical one first, e.g. [tracepoint, tp]. */
    public List<String> names() { return names; }

    /** {@code enum bpf_prog_type}, see {@link ProgramTypes}. */
    public int programType() { return programType; }

    /** {@code expected_attach_type} of BPF_PROG_LOAD (0 when the kernel needs none). */
    public int expectedAttachType() { return expectedAttachType; }

    /** Binary name of the probe API class a program of this kind takes as its context, e.g. org.jbpf.TracepointContext. */
    public String contextClass() { return contextClass; }

    /** How a section of this kind is written, for messages, e.g. "tracepoint/&lt;category&gt;/&lt;name&gt;". */
    public String targetSyntax() { return targetSyntax; }

    /** A complete section of this kind, for messages. */
    public String example() { return example; }

    /**
     * True when the section alone says where to attach (tracepoints, raw tracepoints, k/uprobes); xdp, socket,
     * perf_event and classifier programs need a target only the caller knows (an interface, a socket, an event).
     */
    public boolean attachesBySection() { return target != Target.LABEL; }

    /** True for the kinds the kernel counts as tracing programs (tracepoints, raw tracepoints, k/uprobes, perf events). */
    public boolean isTracing() {
        return programType == ProgramTypes.TRACEPOINT || programType == ProgramTypes.RAW_TRACEPOINT
                || programType == ProgramTypes.KPROBE || programType == ProgramTypes.PERF_EVENT || programType == ProgramTypes.TRACING;
    }

    @Override public String toString() { return canonicalName(); }
}
