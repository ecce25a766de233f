package org.jbpf.maps;

/** Array with one value per CPU at each index; userspace reads all of them. */
public final class PerCpuArray<V> extends BpfMapDef<Integer, V> {
    public PerCpuArray(Class<V> valueType, int maxEntries) {
        super(BPFMapType.BPF_MAP_TYPE_PERCPU_ARRAY, Integer.class, valueType, maxEntries);
    }
}
