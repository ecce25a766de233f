package org.jbpf.it.counters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.util.List;
import org.jbpf.BPF;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.asm.Opcodes;
import org.jbpf.core.helper.HelperTable;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.it.counters.ArrayUpdates.Span;
import org.jbpf.runtime.BpfMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link ArrayUpdates} in the kernel: the array updates stored through the looked-up pointers (under a constant key,
 * or a variable one in straight code) leave the values the update calls would (per-CPU: in the CPU the calls ran on),
 * their status is 0, and the updates that stay calls (hash map, another key, a pointer that may be null, a pointer from
 * a loop's round before, NOEXIST) still do what they did.
 */
class ArrayUpdatesKernelTest {
    interface LibC extends Library {
        LibC INSTANCE = Native.load("c", LibC.class);
        int getpgid(int pid);
    }

    /** No process has these ids: each call fails and changes nothing. Largest 7_000_917, smallest 7_000_011. */
    static final int[] ARGS = {7_000_500, 7_000_011, 7_000_917, 7_000_300, 7_000_918 - 2, 7_000_044};

    /** The CPU the calls run on, pinned. */
    static final int CPU = 0;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void storesThroughLookedUpPointersMatchTheUpdateCalls(Backend backend) throws Exception {
        KernelCheck.require();
        // the array updates of a looked-up key are stores; the hash map's, the other key's, the nullable one's and
        // the two under keys nothing looked up stay calls
        BpfObject object = backend.translate(ArrayUpdates.class);
        assertEquals(5, updateCalls(object.program("count").orElseThrow().insns()));
        assertEquals(1, updateCalls(object.program("loops").orElseThrow().insns()));
        try (BPF bpf = backend.loadAndAttach(ArrayUpdates.class)) {
            Span wide = new Span();
            wide.low = Long.MAX_VALUE;
            bpf.map(ArrayUpdates.spans).put(0, wide);
            bpf.map(ArrayUpdates.statuses).put(0, 99L);
            bpf.map(ArrayUpdates.shifted).put(0, 1000L);
            bpf.map(ArrayUpdates.tallies).put(1, 1L);
            for (int i = 0; i < 4; i++) bpf.map(ArrayUpdates.chain).put(i, 10L * (i + 1));
            bpf.map(ArrayUpdates.watchPid).put(0, (int) ProcessHandle.current().pid());
            Thread t = new Thread(() -> {
                CountersKernelTest.pin(CPU);
                for (int arg : ARGS) LibC.INSTANCE.getpgid(arg);
            });
            t.start();
            t.join();
            bpf.map(ArrayUpdates.watchPid).put(0, 0);

            assertEquals(7_000_917L, bpf.map(ArrayUpdates.largest).get(0));
            assertEquals(0L, bpf.map(ArrayUpdates.largest).get(1), "the key next to the one updated");
            List<Long> perCpu = bpf.map(ArrayUpdates.cpuLargest).getPerCpu(0);
            for (int c = 0; c < perCpu.size(); c++)
                assertEquals(c == CPU % perCpu.size() ? 7_000_917L : 0L, perCpu.get(c), "CPU " + c + "'s largest");
            Span span = bpf.map(ArrayUpdates.spans).get(0);
            assertEquals(7_000_011L, span.low);
            assertEquals(7_000_917L, span.high);
            long evens = java.util.Arrays.stream(ARGS).filter(a -> (a & 1) == 0).count();
            assertEquals(evens * 10 + (ARGS.length - evens), bpf.map(ArrayUpdates.tallies).get(0), "updates after a branch");
            assertEquals(1L + 3L * ARGS.length, bpf.map(ArrayUpdates.tallies).get(1), "updates in a loop");
            assertEquals(0L, bpf.map(ArrayUpdates.statuses).get(0), "an in-place update's status");
            assertEquals(-17L, bpf.map(ArrayUpdates.statuses).get(1), "NOEXIST's status on an array: EEXIST");
            assertEquals(7_000_917L, bpf.map(ArrayUpdates.hashLargest).get(0));
            BpfMap<Integer, Long> shifted = bpf.map(ArrayUpdates.shifted);
            assertEquals(1000L, shifted.get(0), "the key looked up, not written");
            assertEquals(1000L + ARGS[ARGS.length - 1], shifted.get(1));
            assertEquals(java.util.Arrays.stream(ARGS).asLongStream().sum(), bpf.map(ArrayUpdates.sums).get(0));
            BpfMap<Integer, Long> chain = bpf.map(ArrayUpdates.chain);
            assertEquals(List.of(10L, 20L, 21L, 40L), List.of(chain.get(0), chain.get(1), chain.get(2), chain.get(3)),
                    "[2] written from the pointer to [1], which stays");
            long odd = java.util.Arrays.stream(ARGS).filter(a -> (a & 1) == 1).count();
            assertEquals(ARGS.length - odd, bpf.map(ArrayUpdates.byParity).get(0), "even arguments");
            assertEquals(odd, bpf.map(ArrayUpdates.byParity).get(1), "odd arguments");
        }
    }

    static long updateCalls(List<Insn> code) {
        return code.stream().filter(i -> i.opcode() == (Opcodes.JMP | Opcodes.CALL) && i.imm() == HelperTable.MAP_UPDATE_ELEM).count();
    }
}
