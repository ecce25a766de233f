package org.jbpf.it.maps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jbpf.BPF;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.MapSpec;
import org.jbpf.core.obj.MapTypes;
import org.jbpf.it.KernelCheck;
import org.jbpf.it.maps.DumpedMaps.Inner;
import org.jbpf.it.maps.DumpedMaps.Sample;
import org.jbpf.loader.Cpus;
import org.jbpf.loader.LoadedObject;
import org.jbpf.loader.Loader;
import org.jbpf.loader.MapInfo;
import org.jbpf.runtime.BpfMap;
import org.jbpf.runtime.Codec;
import org.jbpf.runtime.Codecs;
import org.jbpf.runtime.UpdateMode;
import org.jbpf.testsupport.Tools;
import org.jbpf.translator.Translator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Whole-map reads against {@code bpftool map dump -j}, for every map kind jbpf offers (hash, array, LRU hash, per-CPU
 * hash and array) holding a struct with padding, a nested struct and arrays, and an LRU per-CPU hash: the entries a
 * read by batch and a read by the dump program give are exactly the bytes bpftool reads from the kernel, each CPU's
 * value apart, and decode to what Java wrote.
 */
class DumpAgainstBpftoolKernelTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final Pattern ENTRY = Pattern.compile("\\{\"key\":\\[([^\\]]*)\\]");
    private static final Pattern VALUE = Pattern.compile("\"value\":\\[([^\\]]*)\\]");

    @BeforeEach
    void tools() {
        KernelCheck.require();
        Tools.require("bpftool");
    }

    private static Sample sample(Random r) {
        Sample s = new Sample();
        s.id = r.nextLong();
        s.small = r.nextInt();
        s.tiny = (short) r.nextInt();
        s.flag = (byte) r.nextInt();
        s.inner = new Inner();
        s.inner.a = r.nextInt();
        s.inner.b = r.nextLong();
        s.hist = new long[] {r.nextLong(), r.nextLong(), r.nextLong()};
        s.tag = new byte[5];
        r.nextBytes(s.tag);
        return s;
    }

    private static String text(Sample s) {
        return s.id + "/" + s.small + "/" + s.tiny + "/" + s.flag + "/" + s.inner.a + "/" + s.inner.b + "/" + Arrays.toString(s.hist)
                + "/" + Arrays.toString(s.tag);
    }

    /**
     * The map as bpftool reads it: each key's bytes (hex) to its value's, or for a per-CPU map to each CPU's value
     * joined by "|". bpftool's JSON gives the raw bytes as "0x.." strings beside its BTF-formatted view.
     */
    static Map<String, String> bpftool(BpfMap<?, ?> m) throws Exception {
        int id = MapInfo.of(m.fd()).id();
        String out = Tools.check("bpftool", "map", "dump", "id", Integer.toString(id), "-j");
        Map<String, String> entries = new HashMap<>();
        Matcher e = ENTRY.matcher(out);
        List<int[]> at = new ArrayList<>();
        while (e.find()) at.add(new int[] {e.start(), e.end()});
        for (int i = 0; i < at.size(); i++) {
            String key = hex(out.substring(at.get(i)[0], at.get(i)[1]));
            Matcher v = VALUE.matcher(out.substring(at.get(i)[1], i + 1 < at.size() ? at.get(i + 1)[0] : out.length()));
            List<String> values = new ArrayList<>();
            while (v.find()) values.add(hex(v.group(1)));
            assertNull(entries.put(key, String.join("|", values)), "bpftool listed key " + key + " twice");
        }
        return entries;
    }

    private static String hex(String bpftoolBytes) {
        StringBuilder s = new StringBuilder();
        Matcher b = Pattern.compile("0x([0-9a-f]{2})").matcher(bpftoolBytes);
        while (b.find()) s.append(b.group(1));
        return s.toString();
    }

    /** One whole-map read by {@link BpfMap#forEachRaw}, in bpftool's form: each CPU's value cut out of its 8-byte-aligned slot. */
    static Map<String, String> jbpf(BpfMap<?, ?> m) {
        int valueSize = m.spec().valueSize(), stride = (valueSize + 7) / 8 * 8;
        Map<String, String> entries = new HashMap<>();
        m.forEachRaw((k, v) -> {
            byte[] key = new byte[k.remaining()];
            k.duplicate().get(key);
            List<String> values = new ArrayList<>();
            int cpus = m.isPerCpu() ? v.remaining() / stride : 1;
            for (int c = 0; c < cpus; c++) {
                byte[] one = new byte[valueSize];
                v.duplicate().position(v.position() + c * stride).get(one);
                values.add(HEX.formatHex(one));
            }
            assertNull(entries.put(HEX.formatHex(key), String.join("|", values)), "key " + HEX.formatHex(key) + " read twice");
        });
        return entries;
    }

    /** A read by batch, then (the map having shown 1024 entries or more) by the dump program: both as bpftool reads the map. */
    private static void bothWalksMatchBpftool(BpfMap<?, ?> m, int entries) throws Exception {
        Map<String, String> kernel = bpftool(m);
        assertEquals(entries, kernel.size(), m.name());
        Map<String, String> first = jbpf(m);
        String firstPath = m.walkPath();
        Map<String, String> second = jbpf(m);
        assertEquals("program", m.walkPath(), m.name() + " after " + firstPath);
        assertEquals(kernel, first, m.name() + " read by batch");
        assertEquals(kernel, second, m.name() + " read by the dump program");
    }

    @Test
    void everyMapKindWithStructValuesReadsAsBpftoolDoes() throws Exception {
        Random r = new Random(20261130);
        int cpus = Cpus.possible();
        try (BPF bpf = BPF.load(Translator.translate(DumpedMaps.class), DumpedMaps.class)) {
            Map<Integer, String> hashWritten = new HashMap<>(), lruWritten = new HashMap<>();
            BpfMap<Integer, Sample> hash = bpf.map(DumpedMaps.hash);
            for (int i = 0; i < 3000; i++) {
                int key = r.nextInt();
                Sample s = sample(r);
                hash.put(key, s);
                hashWritten.put(key, text(s));
            }
            BpfMap<Integer, Sample> array = bpf.map(DumpedMaps.array);
            for (int i = 0; i < 1800; i++) array.put(r.nextInt(2048), sample(r));
            BpfMap<Integer, Sample> lru = bpf.map(DumpedMaps.lru);
            for (int i = 0; i < 1200; i++) {
                int key = r.nextInt();
                Sample s = sample(r);
                lru.put(key, s);
                lruWritten.put(key, text(s));
            }
            BpfMap<Integer, Sample> perCpuHash = bpf.map(DumpedMaps.perCpuHash);
            Map<Integer, List<String>> perCpuWritten = new HashMap<>();
            for (int i = 0; i < 1400; i++) {
                int key = r.nextInt();
                List<Sample> values = new ArrayList<>();
                for (int c = 0; c < cpus; c++) values.add(sample(r));
                perCpuHash.putPerCpu(key, values, UpdateMode.ANY);
                perCpuWritten.put(key, values.stream().map(DumpAgainstBpftoolKernelTest::text).toList());
            }
            BpfMap<Integer, Sample> perCpuArray = bpf.map(DumpedMaps.perCpuArray);
            for (int i = 0; i < 700; i++) {
                List<Sample> values = new ArrayList<>();
                for (int c = 0; c < cpus; c++) values.add(sample(r));
                perCpuArray.putPerCpu(r.nextInt(1500), values, UpdateMode.ANY);
            }

            bothWalksMatchBpftool(hash, hashWritten.size());
            bothWalksMatchBpftool(array, 2048);
            bothWalksMatchBpftool(lru, bpftool(lru).size());
            bothWalksMatchBpftool(perCpuHash, perCpuWritten.size());
            bothWalksMatchBpftool(perCpuArray, 1500);

            // and decoded, each struct as written, the nested one and the arrays included
            Map<Integer, String> hashRead = new HashMap<>();
            hash.forEach((k, v) -> hashRead.put(k, text(v)));
            assertEquals(hashWritten, hashRead);
            int lruHeld = 0;
            for (Map.Entry<Integer, Sample> e : lru.entries()) {
                assertEquals(lruWritten.get(e.getKey()), text(e.getValue()), "LRU key " + e.getKey());
                lruHeld++;
            }
            assertTrue(lruHeld > 1000, "the LRU map evicts only under pressure: " + lruHeld + " of 1200 held");
            Map<Integer, List<String>> perCpuRead = new HashMap<>();
            for (Map.Entry<Integer, List<Sample>> e : perCpuHash.entriesPerCpu())
                perCpuRead.put(e.getKey(), e.getValue().stream().map(DumpAgainstBpftoolKernelTest::text).toList());
            assertEquals(perCpuWritten, perCpuRead);
        }
    }

    @Test
    void lruPerCpuHashReadsAsBpftoolDoes() throws Exception {
        int cpus = Cpus.possible(), valueSize = 20;
        MapSpec spec = new MapSpec("lru_pc", MapTypes.LRU_PERCPU_HASH, 4, valueSize, 4096, 0, 0, 0);
        try (LoadedObject o = new Loader().load(new BpfObject("dump", "GPL", List.of(spec), List.of(), null))) {
            Codec<byte[]> bytes = Codecs.bytes(valueSize);
            BpfMap<Integer, byte[]> m = BpfMap.of(o.map("lru_pc"), Codecs.INT, bytes, false);
            Random r = new Random(7);
            for (int i = 0; i < 1300; i++) {
                List<byte[]> values = new ArrayList<>();
                for (int c = 0; c < cpus; c++) {
                    byte[] v = new byte[valueSize];
                    r.nextBytes(v);
                    values.add(v);
                }
                m.putPerCpu(r.nextInt(), values, UpdateMode.ANY);
            }
            bothWalksMatchBpftool(m, bpftool(m).size());
            assertTrue(bpftool(m).size() > 1000, "held " + bpftool(m).size());
        }
    }
}
