package org.jbpf.core.program;

/** Kernel program type numbers ({@code enum bpf_prog_type}) and the attach types ({@code enum bpf_attach_type}) jbpf uses. */
public final class ProgramTypes {
    private ProgramTypes() {}

    public static final int SOCKET_FILTER = 1, KPROBE = 2, SCHED_CLS = 3, SCHED_ACT = 4, TRACEPOINT = 5, XDP = 6,
            PERF_EVENT = 7, CGROUP_SKB = 8, SK_SKB = 14, RAW_TRACEPOINT = 17, TRACING = 26;

    /** Attach types. */
    public static final int ATTACH_NONE = 0, ATTACH_TRACE_RAW_TP = 23, ATTACH_XDP = 37, ATTACH_PERF_EVENT = 41;

    public static String name(int type) {
        switch (type) {
            case SOCKET_FILTER: return "socket_filter";
            case KPROBE: return "kprobe";
            case SCHED_CLS: return "sched_cls";
            case SCHED_ACT: return "sched_act";
            case TRACEPOINT: return "tracepoint";
            case XDP: return "xdp";
            case PERF_EVENT: return "perf_event";
            case CGROUP_SKB: return "cgroup_skb";
            case SK_SKB: return "sk_skb";
            case RAW_TRACEPOINT: return "raw_tracepoint";
            case TRACING: return "tracing";
            default: return "type " + type;
        }
    }
}
