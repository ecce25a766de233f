package org.jbpf.maps;

/**
 * Longest-prefix-match map (BPF_MAP_TYPE_LPM_TRIE), e.g. IPv4 prefixes to a verdict. The key is a {@code @Struct}
 * whose first field is {@code int prefixLength} (in bits) followed by the address bytes in network order, e.g.
 * {@code int prefixLength; int address;} with {@code address = Net.htonl(0x7f010000)} for 127.1.0.0/24. A lookup
 * with a full-length key ({@code prefixLength = 32}) finds the entry with the longest prefix that contains it.
 */
public final class LpmTrie<K, V> extends BpfMapDef<K, V> {
    public LpmTrie(Class<K> keyType, Class<V> valueType, int maxEntries) {
        super(BPFMapType.BPF_MAP_TYPE_LPM_TRIE, keyType, valueType, maxEntries);
    }
}
