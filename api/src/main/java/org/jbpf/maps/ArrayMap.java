package org.jbpf.maps;

/** Array of maxEntries values indexed by an int; every index exists and starts zeroed. */
public final class ArrayMap<V> extends BpfMapDef<Integer, V> {
    public ArrayMap(Class<V> valueType, int maxEntries) {
        super(BPFMapType.BPF_MAP_TYPE_ARRAY, Integer.class, valueType, maxEntries);
    }
}
