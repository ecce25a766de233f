package org.jbpf.it.robust;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.jbpf.BPF;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.MapSpec;
import org.jbpf.core.obj.MapTypes;
import org.jbpf.runtime.BpfMap;
import org.jbpf.runtime.Codecs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Several threads reading and writing one map at once, and keys or values of the wrong size refused up front. */
class MapConcurrencyTest {
    static final int VALUE_SIZE = 32, WRITERS = 4, READERS = 3, KEYS_PER_WRITER = 64;
    static final long MILLIS = Long.getLong("jbpf.robust.mapMillis", 3000);

    @BeforeEach
    void kernel() { RobustKernel.require(); }

    private static BPF mapOnly() {
        return BPF.load(new BpfObject("robust_maps", "GPL",
                List.of(new MapSpec("shared", MapTypes.HASH, 8, VALUE_SIZE, WRITERS * KEYS_PER_WRITER, 0, 0, 0),
                        new MapSpec("small", MapTypes.HASH, 4, 8, 16, 0, 0, 0)), List.of(), null));
    }

    /** A value that names its key and version in every 8 bytes, so a torn read shows. */
    static byte[] value(long key, long version) {
        ByteBuffer b = ByteBuffer.allocate(VALUE_SIZE);
        for (int i = 0; i < VALUE_SIZE / 8; i++) b.putLong(key << 32 | version);
        return b.array();
    }

    @Test
    void concurrentReadersAndWritersSeeWholeValuesAndTheLastWriteWins() throws Exception {
        try (BPF bpf = mapOnly()) {
            BpfMap<Long, byte[]> map = bpf.map("shared", Codecs.of(Long.class), Codecs.bytes(VALUE_SIZE));
            long end = System.nanoTime() + MILLIS * 1_000_000;
            // a whole-map walk copies each bucket under its lock (bpf_map_lookup_batch): every value whole and its key's.
            // A single lookup copies the value without the lock, and the kernel puts a preallocated element a writer
            // deletes back on its free list at once, so another CPU's insert may take it and write another key's value
            // while the lookup copies: such reads are the kernel's race, counted apart and bounded, not jbpf's to fix
            ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>(), lookupRaces = new ConcurrentLinkedQueue<>();
            AtomicLong writes = new AtomicLong(), reads = new AtomicLong(), walks = new AtomicLong();
            List<Map<Long, Long>> finals = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                long first = (long) w * KEYS_PER_WRITER;
                Map<Long, Long> last = new HashMap<>();
                finals.add(last);
                threads.add(new Thread(() -> {
                    long version = 1;
                    while (System.nanoTime() < end) {
                        for (long k = first; k < first + KEYS_PER_WRITER; k++) {
                            if ((k + version) % 7 == 0) { map.remove(k); last.remove(k); }
                            else { map.put(k, value(k, version)); last.put(k, version); }
                            writes.incrementAndGet();
                        }
                        version++;
                    }
                }));
            }
            for (int r = 0; r < READERS; r++) {
                boolean walker = r == 0;
                threads.add(new Thread(() -> {
                    Map<Long, Long> seen = new HashMap<>();
                    while (System.nanoTime() < end) {
                        if (walker) {
                            for (var e : map.entries()) check(e.getKey(), e.getValue(), null, problems);
                            walks.incrementAndGet();
                            continue;
                        }
                        for (long k = 0; k < WRITERS * KEYS_PER_WRITER; k++) {
                            byte[] v = map.get(k);
                            reads.incrementAndGet();
                            if (v == null) continue;
                            long version = check(k, v, seen.get(k), lookupRaces);
                            seen.put(k, version);
                        }
                    }
                }));
            }
            threads.forEach(Thread::start);
            for (Thread t : threads) t.join();
            Map<Long, Long> expected = new HashMap<>();
            finals.forEach(expected::putAll);
            Map<Long, Long> actual = new HashMap<>();
            for (var e : map.entries()) actual.put(e.getKey(), ByteBuffer.wrap(e.getValue()).getLong() & 0xffffffffL);
            System.out.printf("map concurrency: %d writer and %d reader threads for %d ms: %d writes, %d single reads, %d whole-map walks, "
                    + "%d torn or stale values walked, %d single reads that raced an element's reuse %s, %d entries at the end%n", WRITERS,
                    READERS, MILLIS, writes.get(), reads.get(), walks.get(), problems.size(), lookupRaces.size(),
                    List.copyOf(lookupRaces).subList(0, Math.min(3, lookupRaces.size())), actual.size());
            assertEquals(List.of(), List.copyOf(problems).subList(0, Math.min(5, problems.size())));
            assertTrue(lookupRaces.size() * 1000L <= reads.get(), "more than one single read in 1,000 raced an element's reuse: "
                    + lookupRaces.size() + " of " + reads.get() + ", e.g. " + lookupRaces.peek());
            assertEquals(expected, actual, "final contents must be the last value each writer wrote");
            assertTrue(writes.get() > 1000 && reads.get() > 1000, "too little traffic to mean anything");
        }
    }

    /** Checks a value read for {@code key}; returns its version. Versions of one key never go back for one reader. */
    private static long check(long key, byte[] v, Long previous, ConcurrentLinkedQueue<String> problems) {
        ByteBuffer b = ByteBuffer.wrap(v);
        long word = b.getLong(0);
        for (int i = 1; i < VALUE_SIZE / 8; i++) if (b.getLong(i * 8) != word) problems.add("torn value for key " + key);
        if (word >>> 32 != key) problems.add("key " + key + " holds a value written for key " + (word >>> 32));
        long version = word & 0xffffffffL;
        if (previous != null && version < previous) problems.add("key " + key + " went back from version " + previous + " to " + version);
        return version;
    }

    @Test
    void keysAndValuesOfTheWrongSizeAreRefusedBeforeAnySyscall() {
        BPF bpf = mapOnly();
        bpf.map("small", Integer.class, Long.class).put(1, 2L);
        bpf.close();
        // the map's fd is closed now: a syscall would fail with "closed" or EBADF, so a size error proves none was made
        var wrongKey = assertThrows(IllegalArgumentException.class, () -> bpf.map("small", Long.class, Long.class));
        assertTrue(wrongKey.getMessage().contains("4-byte keys") && wrongKey.getMessage().contains("8 bytes"), wrongKey.getMessage());
        var wrongValue = assertThrows(IllegalArgumentException.class, () -> bpf.map("small", Integer.class, Integer.class));
        assertTrue(wrongValue.getMessage().contains("8-byte values"), wrongValue.getMessage());
        BpfMap<byte[], byte[]> raw = bpf.map("small");
        var shortKey = assertThrows(IllegalArgumentException.class, () -> raw.put(new byte[3], new byte[8]));
        assertTrue(shortKey.getMessage().contains("expected 4 bytes, got 3"), shortKey.getMessage());
        var longValue = assertThrows(IllegalArgumentException.class, () -> raw.put(new byte[4], new byte[9]));
        assertTrue(longValue.getMessage().contains("expected 8 bytes, got 9"), longValue.getMessage());
        var getKey = assertThrows(IllegalArgumentException.class, () -> raw.get(new byte[5]));
        assertTrue(getKey.getMessage().contains("expected 4 bytes, got 5"), getKey.getMessage());
        System.out.println("map sizes: 5 wrong-size keys/values refused before any bpf(2) call");
    }
}
