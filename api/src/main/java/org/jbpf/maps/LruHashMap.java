package org.jbpf.maps;

/** Hash map that evicts the least recently used entry when full. */
public final class LruHashMap<K, V> extends BpfMapDef<K, V> {
    public LruHashMap(Class<K> keyType, Class<V> valueType, int maxEntries) {
        super(BPFMapType.BPF_MAP_TYPE_LRU_HASH, keyType, valueType, maxEntries);
    }
}
