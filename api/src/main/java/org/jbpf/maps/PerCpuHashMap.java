package org.jbpf.maps;

/** Hash map with one value per CPU; userspace reads all of them. */
public final class PerCpuHashMap<K, V> extends BpfMapDef<K, V> {
    public PerCpuHashMap(Class<K> keyType, Class<V> valueType, int maxEntries) {
        super(BPFMapType.BPF_MAP_TYPE_PERCPU_HASH, keyType, valueType, maxEntries);
    }
}
