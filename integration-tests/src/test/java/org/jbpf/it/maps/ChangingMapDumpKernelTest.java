package org.jbpf.it.maps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.MapSpec;
import org.jbpf.core.obj.MapTypes;
import org.jbpf.it.KernelCheck;
import org.jbpf.loader.LoadedObject;
import org.jbpf.loader.Loader;
import org.jbpf.runtime.BpfMap;
import org.jbpf.runtime.Codecs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Whole-map reads of a hash map another thread keeps changing (inserts, updates and deletes of keys, each value
 * written whole). No read hands a key out twice, by batch or by the dump program (whose walk can follow an element the
 * kernel reuses for another key: Java drops the repeat). A read by batch copies each bucket under its lock, so each
 * value it gives is one written for its key, never a mix of two (a value carries its key, its version and a check of
 * both). The dump program reads without the lock, as BPF programs do: it drops a record whose element changed key
 * during the copy, but a value caught while the kernel rewrites its element may mix two, which this test does not
 * hold against it.
 */
class ChangingMapDumpKernelTest {
    private static final int KEYS = 12_000, VALUE = 24;
    private static final long MIX = 0x9E3779B97F4A7C15L;

    @BeforeEach
    void kernel() { KernelCheck.require(); }

    /** The value of {@code key} at {@code version}: the key, the version, and a check of both. */
    private static byte[] value(int key, long version) {
        return ByteBuffer.allocate(VALUE).order(ByteOrder.LITTLE_ENDIAN).putLong(key).putLong(version).putLong(key * MIX ^ version).array();
    }

    /** Problems of one whole read: keys read twice, and (when {@code whole}) values that are not one written for their key. */
    private static int check(BpfMap<Integer, byte[]> m, boolean whole, List<String> wrong, String path) {
        Set<Integer> seen = new HashSet<>();
        m.forEachRaw((k, v) -> {
            int key = k.getInt(k.position());
            long owner = v.getLong(v.position()), version = v.getLong(v.position() + 8), mix = v.getLong(v.position() + 16);
            if (!seen.add(key)) wrong.add(path + ": key " + key + " read twice");
            if (whole && (owner != key || mix != (key * MIX ^ version)))
                wrong.add(path + ": key " + key + " read with value of key " + owner + " version " + version + " check " + mix);
        });
        return seen.size();
    }

    @Test
    void readsOfAMapChangingUnderThemGiveEachKeyOnceAndByBatchAValueWrittenForIt() throws Exception {
        MapSpec spec = new MapSpec("changing", MapTypes.HASH, 4, VALUE, 16384, 0, 0, 0);
        try (LoadedObject o = new Loader().load(new BpfObject("dump", "GPL", List.of(spec), List.of(), null))) {
            BpfMap<Integer, byte[]> program = BpfMap.of(o.map("changing"), Codecs.INT, Codecs.bytes(VALUE), false);
            BpfMap<Integer, byte[]> batch;
            System.setProperty("jbpf.map.dumpProgram", "false");
            try {
                batch = BpfMap.of(o.map("changing"), Codecs.INT, Codecs.bytes(VALUE), false);
            } finally {
                System.clearProperty("jbpf.map.dumpProgram");
            }
            AtomicLong version = new AtomicLong();
            for (int k = 0; k < KEYS; k += 2) program.put(k, value(k, version.incrementAndGet()));
            AtomicBoolean stop = new AtomicBoolean();
            long[] changes = {0};
            Thread writer = new Thread(() -> {
                BpfMap<Integer, byte[]> w = BpfMap.of(o.map("changing"), Codecs.INT, Codecs.bytes(VALUE), false);
                Random r = new Random(11);
                while (!stop.get()) {
                    int k = r.nextInt(KEYS);
                    if (r.nextBoolean()) w.put(k, value(k, version.incrementAndGet()));
                    else w.remove(k);
                    changes[0]++;
                }
            });
            List<String> wrong = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
            long[] read = {0, 0};
            writer.start();
            try {
                for (int round = 0; round < 150; round++) {
                    read[0] += check(program, false, wrong, "program");
                    read[1] += check(batch, true, wrong, "batch");
                }
            } finally {
                stop.set(true);
                writer.join();
            }
            assertEquals("program", program.walkPath());
            assertEquals("batch lookup (jbpf.map.dumpProgram=false)", batch.walkPath());
            assertTrue(changes[0] > 1000, "the map changed under the reads: " + changes[0] + " changes");
            assertTrue(read[0] > 150 * 3000 && read[1] > 150 * 3000, "entries read by program and by batch: " + read[0] + ", " + read[1]);
            assertEquals(List.of(), wrong.size() > 20 ? wrong.subList(0, 20) : wrong, wrong.size() + " wrong entries");
        }
    }
}
