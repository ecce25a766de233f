package org.jbpf.it.tools;

import static org.jbpf.it.tools.ClassicToolsKernelTest.PID;
import static org.jbpf.it.tools.ClassicToolsKernelTest.load;
import static org.jbpf.it.tools.ClassicToolsKernelTest.on;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jbpf.BPF;
import org.jbpf.it.Backend;
import org.jbpf.toolchain.KernelSymbols;
import org.jbpf.toolchain.ProcessSymbols;
import org.jbpf.toolchain.StackTraces;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Stack tools: profile (every CPU's clock sampled, attached by its section {@code perf_event/cpu-clock-499hz}) finds
 * the native function the test spins in, named from the library's symbols, and the kernel's read path of a thread
 * reading /dev/zero; offcputime finds the time a thread slept in nanosleep under the kernel stack it blocked in.
 */
class SamplingToolsKernelTest {

    @ParameterizedTest
    @EnumSource(Backend.class)
    void profileFindsTheSpinningFunctionAndTheKernelsReadPath(Backend backend) throws Exception {
        NativeWork lib = NativeWork.load();
        try (BPF bpf = load(backend, Profile.class, "targetPid", PID)) {
            assertEquals(List.of("cpu-clock at 499 Hz on " + org.jbpf.loader.Cpus.online().length + " CPUs"),
                    bpf.links().stream().map(l -> l.description()).toList());
            Thread reader = new Thread(() -> {
                byte[] buffer = new byte[1 << 20];
                long end = System.nanoTime() + 600_000_000L;
                try (FileInputStream zero = new FileInputStream("/dev/zero")) {
                    while (System.nanoTime() < end) zero.read(buffer);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }, "jt-profile-read");
            reader.start();
            on("jt-profile", () -> lib.jt_spin(600));
            reader.join();
            assertTrue(bpf.global("samples").getLong() > 0, "the clock was sampled");

            // the clock goes on sampling: the counts first, then the stacks, which by then hold every id they name
            List<Map.Entry<Profile.Sample, Long>> user = bpf.map(Profile.userSamples).entries();
            List<Map.Entry<Profile.Sample, Long>> inKernel = bpf.map(Profile.kernelSamples).entries();
            Map<Integer, long[]> stacks = StackTraces.read(bpf.map("stacks"));
            KernelSymbols kernel = KernelSymbols.load();
            ProcessSymbols ours = ProcessSymbols.of(PID);
            long spinning = 0, reading = 0;
            for (Map.Entry<Profile.Sample, Long> e : user) {
                if (e.getKey().pid != PID) continue;
                List<String> frames = StackTraces.symbolize(stacks.get(e.getKey().stack), kernel, ours);
                if (frames.get(0).startsWith("jt_spin+")) spinning += e.getValue();
            }
            for (Map.Entry<Profile.Sample, Long> e : inKernel) {
                if (e.getKey().pid != PID) continue;
                List<String> frames = StackTraces.symbolize(stacks.get(e.getKey().stack), kernel);
                if (anyStartsWith(frames, "vfs_read+") && anyStartsWith(frames, "do_syscall_64+")) reading += e.getValue();
            }
            assertTrue(spinning > 0, "samples in jt_spin, named from libjtwork.so's symbols");
            assertTrue(reading > 0, "kernel samples under vfs_read and do_syscall_64");
        }
    }

    /** The shipped example at its 99 samples a second, on one process: the spinning function among its user stacks. */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void profileExampleNamesTheSpinningFunction(Backend backend) throws Exception {
        NativeWork lib = NativeWork.load();
        try (BPF bpf = load(backend, org.jbpf.examples.Profile.class, "targetPid", PID)) {
            assertEquals(List.of("cpu-clock at 99 Hz on " + org.jbpf.loader.Cpus.online().length + " CPUs"),
                    bpf.links().stream().map(l -> l.description()).toList());
            on("jt-profile", () -> lib.jt_spin(1500));
            List<Map.Entry<org.jbpf.examples.Profile.Sample, Long>> user = bpf.map(org.jbpf.examples.Profile.userStacks).entries();
            Map<Integer, long[]> stacks = StackTraces.read(bpf.map("stacks"));
            KernelSymbols kernel = KernelSymbols.load();
            ProcessSymbols ours = ProcessSymbols.of(PID);
            long spinning = 0;
            for (Map.Entry<org.jbpf.examples.Profile.Sample, Long> e : user) {
                assertEquals(PID, e.getKey().pid, "only the target process is sampled");
                if (StackTraces.symbolize(stacks.get(e.getKey().stack), kernel, ours).get(0).startsWith("jt_spin+")) spinning += e.getValue();
            }
            assertTrue(spinning > 0, "samples in jt_spin among " + user.size() + " stacks");
        }
    }

    /** A rate above perf_event_max_sample_rate: the kernel's bare EINVAL becomes the setting, its value and what to do. */
    @org.junit.jupiter.api.Test
    void aRateAboveTheMachinesLimitNamesTheSysctl() throws IOException {
        org.jbpf.core.obj.BpfObject object = Backend.DIRECT.translate(Profile.class);
        org.jbpf.it.KernelCheck.require();
        long limit = org.jbpf.loader.attach.Sysctl.number(java.nio.file.Path.of("/proc/sys/kernel/perf_event_max_sample_rate"));
        assertTrue(limit > 0, "the limit is readable: " + limit);
        int asked = (int) limit + 1;
        try (BPF bpf = BPF.builder(object, Profile.class).load()) {
            org.jbpf.loader.LoadedProgram program = bpf.program("sample");
            org.jbpf.loader.sys.BpfException e = org.junit.jupiter.api.Assertions.assertThrows(org.jbpf.loader.sys.BpfException.class,
                    () -> program.attachCpuClock(asked));
            assertEquals(program + ": sampling the cpu-clock at " + asked + " Hz is above this machine's limit of " + limit
                    + " samples a second (sysctl kernel.perf_event_max_sample_rate, which the kernel also lowers by itself when"
                    + " sampling interrupts take too long); ask for at most " + limit + " Hz, or raise the limit: sysctl -w"
                    + " kernel.perf_event_max_sample_rate=" + asked, e.getMessage());
            assertEquals(22, e.errno(), "EINVAL");
            assertEquals(List.of(), bpf.links(), "no event is left open");
            program.attachCpuClock(7).close();   // the same program attaches at a rate within the limit
        }
    }

    static boolean anyStartsWith(List<String> frames, String prefix) {
        for (String f : frames) if (f.startsWith(prefix)) return true;
        return false;
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void offCpuTimeIsKeptUnderTheStackTheThreadSleptIn(Backend backend) {
        try (BPF bpf = load(backend, OffCpuTime.class, "targetPid", PID)) {
            int tid = on("jt-offcpu", () -> {
                for (int i = 0; i < 5; i++) Libc.C.usleep(20_000);
            });
            Map<Integer, long[]> stacks = StackTraces.read(bpf.map("stacks"));
            KernelSymbols kernel = KernelSymbols.load();
            Map<String, long[]> byWhere = new TreeMap<>();
            for (Map.Entry<OffCpuTime.Key, OffCpuTime.Off> e : bpf.map(OffCpuTime.offCpu).entries()) {
                if (e.getKey().tid != tid) continue;
                long[] frames = stacks.get(e.getKey().stack);
                String where = frames == null ? "no stack" : anyStartsWith(StackTraces.symbolize(frames, kernel), "do_nanosleep+") ? "nanosleep" : "other";
                long[] sum = byWhere.computeIfAbsent(where, w -> new long[2]);
                sum[0] += e.getValue().times;
                sum[1] += e.getValue().nanos;
            }
            long[] slept = byWhere.get("nanosleep");
            assertEquals(5L, slept == null ? 0 : slept[0], "five sleeps blocked in do_nanosleep: " + byWhere.keySet());
            assertTrue(slept[1] >= 100_000_000L && slept[1] < 10_000_000_000L, "5 x 20 ms off the CPU: " + slept[1] + " ns");
        }
    }

}
