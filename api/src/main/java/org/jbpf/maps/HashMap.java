package org.jbpf.maps;

/** Hash map: O(1) lookup by key. */
public final class HashMap<K, V> extends BpfMapDef<K, V> {
    public HashMap(Class<K> keyType, Class<V> valueType, int maxEntries) {
        super(BPFMapType.BPF_MAP_TYPE_HASH, keyType, valueType, maxEntries);
    }
}
