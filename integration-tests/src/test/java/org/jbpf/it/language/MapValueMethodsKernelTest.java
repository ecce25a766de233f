package org.jbpf.it.language;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jbpf.BPF;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.it.newuser.ComputingProbesKernelTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** @Struct methods and compound assignments on map values' array fields: the maps hold what Java objects hold after the same calls. */
class MapValueMethodsKernelTest {
    @ParameterizedTest
    @EnumSource(Backend.class)
    void mapValuesChangeAsJavaObjectsDo(Backend backend) {
        var object = backend.translate(MapValueMethods.class);
        KernelCheck.require();
        MapValueMethods.Stats s = new MapValueMethods.Stats();
        MapValueMethods.Stats[] byKey = new MapValueMethods.Stats[2];
        int runs = 0;
        try (BPF bpf = BPF.load(object, MapValueMethods.class)) {
            bpf.map(MapValueMethods.stats).put(0, new MapValueMethods.Stats());
            for (long[] ab : ComputingProbesKernelTest.INPUTS) {
                long a = ab[0], b = ab[1];
                bpf.map(MapValueMethods.in).put(0, a);
                bpf.map(MapValueMethods.in).put(1, b);
                assertEquals(2, bpf.program("run").testRun(new byte[64], 1).retval());
                s.add(a);
                s.add(b);
                s.mix(a, b).add(a ^ b);
                int key = (int) (a & 1);
                if (byKey[key] == null) byKey[key] = new MapValueMethods.Stats();
                byKey[key].mix(b, a);
                byKey[key].add(b);
                String at = backend + " after (" + a + ", " + b + ")";
                assertEquals(s.mean() * 7 + byKey[key].mean(), bpf.map(MapValueMethods.out).get(0), at);
                same(s, bpf.map(MapValueMethods.stats).get(0), at);
                same(byKey[key], bpf.map(MapValueMethods.byKey).get(key), at);
                runs++;
            }
        }
        assertEquals(ComputingProbesKernelTest.INPUTS.size(), runs);
    }

    private static void same(MapValueMethods.Stats want, MapValueMethods.Stats got, String at) {
        assertArrayEquals(want.buckets, got.buckets, "buckets " + at);
        assertArrayEquals(want.small, got.small, "small " + at);
        assertArrayEquals(want.tiny, got.tiny, "tiny " + at);
        assertEquals(want.sum, got.sum, "sum " + at);
        assertEquals(want.n, got.n, "n " + at);
    }
}
