package org.jbpf.core.obj;

/** Kernel map type numbers ({@code enum bpf_map_type}). */
public final class MapTypes {
    private MapTypes() {}

    public static final int HASH = 1, ARRAY = 2, PROG_ARRAY = 3, PERF_EVENT_ARRAY = 4, PERCPU_HASH = 5,
            PERCPU_ARRAY = 6, STACK_TRACE = 7, CGROUP_ARRAY = 8, LRU_HASH = 9, LRU_PERCPU_HASH = 10,
            LPM_TRIE = 11, ARRAY_OF_MAPS = 12, HASH_OF_MAPS = 13, DEVMAP = 14, SOCKMAP = 15, CPUMAP = 16,
            XSKMAP = 17, SOCKHASH = 18, QUEUE = 22, STACK = 23, RINGBUF = 27, TASK_STORAGE = 29;

    public static String name(int type) {
        switch (type) {
            case HASH: return "hash";
            case ARRAY: return "array";
            case PROG_ARRAY: return "prog_array";
            case PERF_EVENT_ARRAY: return "perf_event_array";
            case PERCPU_HASH: return "percpu_hash";
            case PERCPU_ARRAY: return "percpu_array";
            case STACK_TRACE: return "stack_trace";
            case LRU_HASH: return "lru_hash";
            case LRU_PERCPU_HASH: return "lru_percpu_hash";
            case LPM_TRIE: return "lpm_trie";
            case DEVMAP: return "devmap";
            case CPUMAP: return "cpumap";
            case XSKMAP: return "xskmap";
            case QUEUE: return "queue";
            case STACK: return "stack";
            case RINGBUF: return "ringbuf";
            default: return "type " + type;
        }
    }

    public static boolean isPerCpu(int type) { return type == PERCPU_HASH || type == PERCPU_ARRAY || type == LRU_PERCPU_HASH; }
}
