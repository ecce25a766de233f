package org.jbpf.it.javac;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jbpf.BPF;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.MapSpec;
import org.jbpf.core.obj.MapTypes;
import org.jbpf.runtime.BpfMap;

/**
 * Whether two translations of one computing probe give the same results in the kernel: probes of the shape the
 * semantics tests use (an array map {@code in} of longs, an array map {@code out}, one XDP program) are run through
 * BPF_PROG_TEST_RUN on a grid of inputs, and each run's return value and whole {@code out} map compared.
 */
final class SameInKernel {
    private static final long[] VALUES = {-5, -1, 0, 1, 7, 99, 100, 255, 9_999, 10_000, 123_456, -(1L << 40), Long.MAX_VALUE, Long.MIN_VALUE};

    private SameInKernel() {}

    /** Whether {@code o} has the shape {@link #compare} runs. */
    static boolean applies(BpfObject o) {
        MapSpec in = o.map("in").orElse(null), out = o.map("out").orElse(null);
        return in != null && out != null && in.type() == MapTypes.ARRAY && in.valueSize() == 8 && in.maxEntries() <= 3
                && out.type() == MapTypes.ARRAY && o.programs().size() == 1 && o.programs().get(0).kind().equals("xdp");
    }

    /** Null when both compute the same on every input of the grid; else the first input where they differ. */
    static String compare(BpfObject a, BpfObject b) {
        try (BPF x = BPF.load(a); BPF y = BPF.load(b)) {
            int inputs = a.map("in").orElseThrow().maxEntries();
            int[] digits = new int[inputs];
            while (true) {
                List<Long> input = new ArrayList<>();
                for (int d : digits) input.add(VALUES[d]);
                String one = run(x, input), other = run(y, input);
                if (!one.equals(other)) return "input " + input + ": " + one + " against " + other;
                int k = 0;
                while (k < inputs && ++digits[k] == VALUES.length) digits[k++] = 0;
                if (k == inputs) return null;
            }
        }
    }

    /** The return value and the {@code out} map after one run on {@code input}. */
    private static String run(BPF bpf, List<Long> input) {
        BpfMap<Integer, Long> in = bpf.map("in", Integer.class, Long.class);
        for (int k = 0; k < input.size(); k++) in.put(k, input.get(k));
        BpfMap<byte[], byte[]> out = bpf.map("out");
        out.clear();
        int ret = bpf.program(bpf.programs().get(0).name()).testRun(new byte[64], 1).retval();
        StringBuilder sb = new StringBuilder("returned " + ret + ", out");
        for (Map.Entry<byte[], byte[]> e : out.entries()) sb.append(' ').append(java.util.Arrays.toString(e.getValue()));
        return sb.toString();
    }
}
