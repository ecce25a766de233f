package org.jbpf.it.language;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.TreeMap;
import org.jbpf.BPF;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.it.newuser.ComputingProbesKernelTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Character keys and values: the kernel's counts per character and largest character per slot equal Java's, read back as Characters. */
class CharacterKeysKernelTest {
    @ParameterizedTest
    @EnumSource(Backend.class)
    void countsPerCharacterAsInJava(Backend backend) {
        var object = backend.translate(CharacterKeys.class);
        KernelCheck.require();
        Map<Character, Long> counts = new TreeMap<>();
        Character[] last = new Character[4];
        try (BPF bpf = BPF.load(object, CharacterKeys.class)) {
            var in = bpf.map(CharacterKeys.in);
            for (long[] ab : ComputingProbesKernelTest.INPUTS.subList(0, 120)) {
                in.put(0, ab[0]);
                int ret = bpf.program("run").testRun(new byte[64], 1).retval();
                for (int k = 0; k < 4; k++) {
                    char c = (char) (((ab[0] >>> (16 * k)) & 0x3f) + 'A');
                    counts.merge(c, 1L, Long::sum);
                    if (last[k] == null || last[k] < c) last[k] = c;
                }
                assertEquals(last[0] == 'A' ? 1 : 2, ret, "a " + ab[0]);
            }
            Map<Character, Long> kernel = new TreeMap<>();
            bpf.map(CharacterKeys.counts).forEach(kernel::put);
            assertEquals(counts, kernel);
            for (int k = 0; k < 4; k++) assertEquals(last[k], bpf.map(CharacterKeys.last).get(k), "last[" + k + "]");
        }
    }
}
