package org.jbpf.it.semantics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.List;
import org.jbpf.BPF;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.runtime.BpfMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Map values held from one round of a loop into the next ({@link HeldAcrossRounds}) read in the kernel what Java reads:
 * each number program runs on the JVM too, its maps {@link ArrayMapModel}s that hand out copies as Java's Long does, and
 * the kernel's out[0] and cells must be the JVM's for every start.
 */
class HeldAcrossRoundsKernelTest {
    private static final List<String> NUMBER_PROGRAMS = List.of("copied", "otherKey", "nullTests", "inlined", "numbers", "chain");
    private static final long[][] STARTS = {{0, 0, 0, 0}, {100, 110, 120, 130}, {-5, 7, 1_000_003, -40}, {1L << 40, 3, 9, 27}};

    @ParameterizedTest
    @EnumSource(Backend.class)
    void numbersHeldAcrossRoundsAreJavasNumbers(Backend backend) throws Exception {
        KernelCheck.require();
        Class<?> jvm = onTheJvm();
        int runs = 0;
        try (BPF bpf = BPF.load(backend.translate(HeldAcrossRounds.class), HeldAcrossRounds.class)) {
            BpfMap<Integer, Long> cells = bpf.map(HeldAcrossRounds.cells), out = bpf.map(HeldAcrossRounds.out);
            for (String program : NUMBER_PROGRAMS) {
                for (long[] start : STARTS) {
                    Object jvmCells = jvm.getField("cells").get(null), jvmOut = jvm.getField("out").get(null);
                    for (int k = 0; k < 4; k++) {
                        cells.put(k, start[k]);
                        ((ArrayMapModel) jvmCells).update(k, start[k]);
                    }
                    out.put(0, 0L);
                    ((ArrayMapModel) jvmOut).update(0, 0L);
                    Method m = jvm.getDeclaredMethod(program, org.jbpf.XdpContext.class);
                    m.setAccessible(true);
                    int expected = (int) m.invoke(null, (Object) null);
                    String what = program + " from " + java.util.Arrays.toString(start);
                    assertEquals(expected, bpf.program(program).testRun(new byte[64], 1).retval(), what);
                    assertEquals(((ArrayMapModel) jvmOut).lookup(0), out.get(0), what + ": out[0]");
                    for (int k = 0; k < 4; k++) assertEquals(((ArrayMapModel) jvmCells).lookup(k), cells.get(k), what + ": cells[" + k + "]");
                    runs++;
                }
            }
        }
        assertEquals(NUMBER_PROGRAMS.size() * STARTS.length, runs);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aNestedStructsNumberCopiedBeforeItChangesKeepsJavasNumber(Backend backend) {
        KernelCheck.require();
        try (BPF bpf = BPF.load(backend.translate(HeldAcrossRounds.class), HeldAcrossRounds.class)) {
            BpfMap<Integer, HeldAcrossRounds.Outer> outers = bpf.map(HeldAcrossRounds.outers);
            for (long x : new long[] {0, 41, -9}) {
                HeldAcrossRounds.Outer start = new HeldAcrossRounds.Outer();
                start.in.x = x;
                outers.put(0, start);
                assertEquals(2, bpf.program("nested").testRun(new byte[64], 1).retval());
                // the numbers copied are x, x + 1, x + 2; those written x + 1, x + 2, x + 3 (see HeldAcrossRounds.nested)
                assertEquals(3 * x + 3 + 100 * (3 * x + 6), bpf.map(HeldAcrossRounds.out).get(0), "from x = " + x);
                assertEquals(x + 3, outers.get(0).in.x, "from x = " + x);
            }
        }
    }

    /** HeldAcrossRounds with its ArrayMaps made ArrayMapModels, loaded apart from the class the kernel test translates. */
    private static Class<?> onTheJvm() throws Exception {
        String name = HeldAcrossRounds.class.getName();
        byte[] bytes;
        try (InputStream in = HeldAcrossRounds.class.getResourceAsStream("HeldAcrossRounds.class")) {
            bytes = ArrayMapModel.onTheJvm(in.readAllBytes());
        }
        ClassLoader loader = new ClassLoader(HeldAcrossRoundsKernelTest.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String n, boolean resolve) throws ClassNotFoundException {
                if (!n.equals(name)) return super.loadClass(n, resolve);
                synchronized (getClassLoadingLock(n)) {
                    Class<?> c = findLoadedClass(n);
                    return c != null ? c : defineClass(n, bytes, 0, bytes.length);
                }
            }
        };
        return loader.loadClass(name);
    }
}
