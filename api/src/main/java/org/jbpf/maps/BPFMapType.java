package org.jbpf.maps;

/** Kernel map types, with their {@code enum bpf_map_type} numbers. */
public enum BPFMapType {
    BPF_MAP_TYPE_HASH(1), BPF_MAP_TYPE_ARRAY(2), BPF_MAP_TYPE_PROG_ARRAY(3), BPF_MAP_TYPE_PERF_EVENT_ARRAY(4),
    BPF_MAP_TYPE_PERCPU_HASH(5), BPF_MAP_TYPE_PERCPU_ARRAY(6), BPF_MAP_TYPE_STACK_TRACE(7),
    BPF_MAP_TYPE_CGROUP_ARRAY(8), BPF_MAP_TYPE_LRU_HASH(9), BPF_MAP_TYPE_LRU_PERCPU_HASH(10),
    BPF_MAP_TYPE_LPM_TRIE(11), BPF_MAP_TYPE_DEVMAP(14), BPF_MAP_TYPE_CPUMAP(16), BPF_MAP_TYPE_XSKMAP(17), BPF_MAP_TYPE_QUEUE(22), BPF_MAP_TYPE_STACK(23), BPF_MAP_TYPE_RINGBUF(27);

    public final int id;

    BPFMapType(int id) { this.id = id; }

    public static BPFMapType of(int id) {
        for (BPFMapType t : values()) if (t.id == id) return t;
        throw new IllegalArgumentException("unknown map type " + id);
    }
}
