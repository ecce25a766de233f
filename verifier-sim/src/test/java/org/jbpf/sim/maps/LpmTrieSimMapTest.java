package org.jbpf.sim.maps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.jbpf.core.obj.MapSpec;
import org.jbpf.core.obj.MapTypes;
import org.junit.jupiter.api.Test;

/**
 * The simulation's longest-prefix-match map answers as the kernel's trie does: the longest stored prefix containing
 * the key, one entry per prefix (an update replaces it, its key the last one written), and EINVAL, ENOENT, EEXIST and
 * ENOSPC where the kernel gives them.
 */
class LpmTrieSimMapTest {
    private final SimMap trie = new SimMap(new MapSpec("lpm", MapTypes.LPM_TRIE, 8, 8, 3, 1, 0, 0));

    /** An IPv4 key: the length, then the address most significant byte first. */
    private static byte[] key(int bits, int address) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(bits).order(ByteOrder.BIG_ENDIAN).putInt(address).array();
    }

    private Long lookup(int bits, int address) { return trie.getLong(key(bits, address)); }

    @Test
    void aLookupFindsTheLongestPrefixThatContainsTheKey() {
        assertEquals(0, trie.putLong(key(8, 0x0a000000), 8));
        assertEquals(0, trie.putLong(key(24, 0x0a010200), 24));
        assertEquals(0, trie.putLong(key(0, 0), 0));
        assertEquals(24L, lookup(32, 0x0a010203));
        assertEquals(8L, lookup(32, 0x0a010303));
        assertEquals(0L, lookup(32, 0x0b010203));
        // a shorter key sees only prefixes no longer than itself
        assertEquals(8L, lookup(16, 0x0a010203));
        assertNull(lookup(33, 0x0a010203), "a key longer than the trie's addresses finds nothing");
    }

    @Test
    void oneEntryPerPrefixWhateverTheBitsPastIt() {
        assertEquals(0, trie.putLong(key(16, 0x0a01ffff), 1));
        assertEquals(0, trie.putLong(key(16, 0x0a010000), 2));
        assertEquals(1, trie.size());
        assertEquals(2L, lookup(32, 0x0a01abcd));
        assertEquals(0x0a010000, ByteBuffer.wrap(trie.entries().keySet().iterator().next()).getInt(4), "the key of the last update");
        assertEquals(SimMap.EEXIST, trie.update(key(16, 0x0a017777), new byte[8], SimMap.NOEXIST));
        assertEquals(SimMap.ENOENT, trie.update(key(17, 0x0a010000), new byte[8], SimMap.EXIST));
        assertEquals(SimMap.ENOENT, trie.delete(key(17, 0x0a010000)));
        assertEquals(SimMap.EINVAL, trie.delete(key(40, 0)));
        assertEquals(SimMap.EINVAL, trie.putLong(key(33, 0), 1));
        assertEquals(0, trie.delete(key(16, 0x0a01ffff)));
        assertNull(lookup(32, 0x0a01abcd));
    }

    @Test
    void aFullTrieRefusesANewPrefixButReplacesAnOldOne() {
        for (int k = 0; k < 3; k++) assertEquals(0, trie.putLong(key(32, k), k));
        assertEquals(SimMap.ENOSPC, trie.putLong(key(32, 7), 7));
        assertEquals(0, trie.putLong(key(32, 2), 20));
        assertEquals(20L, lookup(32, 2));
    }
}
