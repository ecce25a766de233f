package org.jbpf.it.newuser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jbpf.BPF;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.events.RingBufferReader;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.loader.ProgramInfo;
import org.jbpf.runtime.BpfMap;
import org.jbpf.runtime.CStrings;
import org.jbpf.sim.Verifier;
import org.jbpf.sim.VerifierResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Kernel data read by name, as users write it next: typed records of several syscall, sched and net tracepoints
 * (classes written by {@code jbpf gen tracepoint}), task_struct fields through CO-RE (classes of {@code jbpf gen btf}),
 * a BTF-typed tracepoint, raw tracepoints and a uprobe with typed arguments. Each probe is translated on both
 * backends, accepted by the verifier simulation, loaded and attached, and checked against exact values of the events
 * this JVM makes.
 */
class KernelDataProbesKernelTest {
    static final int PID = EventProbesKernelTest.PID;
    static final int O_RDONLY = 0, O_WRONLY = 1, O_CREAT = 0100;

    static BPF load(Backend backend, Class<?> probe) { return EventProbesKernelTest.load(backend, probe); }

    static BPF loadWithPid(Backend backend, Class<?> probe) { return EventProbesKernelTest.loadWithPid(backend, probe); }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void openatFileNamesAreComparedInTheKernel(Backend backend) throws IOException {
        Path dir = Files.createDirectories(Path.of("/tmp/nu-open-dir"));
        try (BPF bpf = loadWithPid(backend, OpenatPaths.class)) {
            for (int i = 0; i < 5; i++) Syscalls.openAndClose(dir + "/missing-" + i, O_RDONLY);
            for (int i = 0; i < 3; i++) Syscalls.openAndClose(dir + "/made-" + backend + i, O_WRONLY | O_CREAT);
            Syscalls.openAndClose("/nu-x", O_RDONLY);
            Syscalls.openAndClose("/nu-x", O_RDONLY);
            Syscalls.openAndClose("/nu-xy", O_RDONLY);
            assertEquals(8L, bpf.global("underDirectory").getLong());
            assertEquals(3L, bpf.global("created").getLong());
            assertEquals(2L, bpf.global("exactName").getLong());
            assertEquals((dir + "/made-" + backend + "0").length() + 1L, bpf.global("longestPath").getLong(), "with its NUL");
        } finally {
            for (int i = 0; i < 3; i++) Files.deleteIfExists(dir.resolve("made-" + backend + i));
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void failedOpensAreCountedByErrno(Backend backend) {
        try (BPF bpf = load(backend, OpenatErrors.class)) {
            Syscalls.on("nu-open-errors", () -> {
                for (int i = 0; i < 4; i++) Syscalls.openAndClose("/nonexistent/nu-" + i, O_RDONLY);
                for (int i = 0; i < 2; i++) Syscalls.openAndClose("/tmp", O_WRONLY);
                Syscalls.openAndClose("/proc/self/status", O_RDONLY);
            });
            BpfMap<Integer, Long> byErrno = bpf.map(OpenatErrors.byErrno);
            assertEquals(Map.of(2, 4L, 21, 2L), Map.copyOf(toMap(byErrno)), "ENOENT and EISDIR");
            assertEquals(1L, bpf.global("succeeded").getLong());
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void killCallsAreKeyedByTargetAndSignal(Backend backend) {
        try (BPF bpf = loadWithPid(backend, KillSignals.class)) {
            int missing = 4_000_000 + (int) (System.nanoTime() & 0xffff);
            for (int i = 0; i < 3; i++) assertEquals(0, Syscalls.kill(PID, 0));
            for (int i = 0; i < 2; i++) assertEquals(-1, Syscalls.kill(missing, 9));
            BpfMap<KillSignals.Key, Long> sent = bpf.map(KillSignals.sent);
            assertEquals(Map.of(new KillSignals.Key(PID, 0), 3L, new KillSignals.Key(missing, 9), 2L), toMap(sent));
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void forkedChildrenAreRecordedWithTheForkingThread(Backend backend) {
        try (BPF bpf = loadWithPid(backend, ForkChildren.class)) {
            List<Long> spawned = new ArrayList<>();
            int[] tid = new int[1];
            Syscalls.on("nu-fork", () -> {
                tid[0] = Syscalls.gettid();
                for (int i = 0; i < 3; i++) spawned.add(spawnTrue());
            });
            BpfMap<Integer, Integer> children = bpf.map(ForkChildren.children);
            for (long child : spawned) assertEquals(tid[0], children.get((int) child), "child " + child);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void switchesAwayFromASleepingThreadAreSeen(Backend backend) {
        try (BPF bpf = load(backend, SwitchesOut.class)) {
            int[] tid = new int[1];
            Syscalls.on("nu-sleeper", () -> {
                tid[0] = Syscalls.gettid();
                for (int i = 0; i < 10; i++) Syscalls.usleep(2000);
            });
            long slept = bpf.global("slept").getLong();
            assertTrue(slept >= 10 && slept <= bpf.global("switchedOut").getLong(), "slept " + slept);
            assertEquals(tid[0], bpf.global("sleeperTid").getInt());
            assertEquals(0L, bpf.global("switchedToItself").getLong());
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void receivedPacketsAreCountedByLength(Backend backend) throws IOException {
        try (BPF bpf = load(backend, ReceivedLengths.class);
             DatagramSocket receiver = new DatagramSocket(0, InetAddress.getLoopbackAddress());
             DatagramSocket sender = new DatagramSocket()) {
            for (int i = 0; i < 9; i++) send(sender, receiver, 777);
            for (int i = 0; i < 4; i++) send(sender, receiver, 1111);
            byte[] buffer = new byte[2048];
            for (int i = 0; i < 13; i++) receiver.receive(new DatagramPacket(buffer, buffer.length));
            BpfMap<Integer, Long> seen = bpf.map(ReceivedLengths.seen);
            assertEquals(9L, seen.get(0));
            assertEquals(4L, seen.get(1));
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void currentTaskFieldsAreReadByName(Backend backend) {
        try (BPF bpf = load(backend, TaskFields.class)) {
            int[] tid = new int[1];
            Syscalls.on("nu-task-fields", () -> { tid[0] = Syscalls.gettid(); Syscalls.getsid(0); });
            TaskFields.Seen s = bpf.map(TaskFields.byThread).get(tid[0]);
            assertEquals(List.of(tid[0], PID, (int) ProcessHandle.current().parent().orElseThrow().pid(), PID, 0),
                    List.of(s.pid, s.tgid, s.parentTgid, s.leaderPid, s.kernelThread));
            assertEquals("nu-task-fields", CStrings.text(s.comm));
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void btfTracepointReadsSyscallRegisters(Backend backend) {
        try (BPF bpf = loadWithPid(backend, BtfSyscalls.class)) {
            for (int i = 1; i <= 6; i++) Syscalls.getpgid(5_000_000 + i * i);
            assertEquals(6L, bpf.global("calls").getLong());
            assertEquals(91L, bpf.global("argumentSum").getLong());
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void rawSysExitRecordsGiveReturnValues(Backend backend) {
        try (BPF bpf = load(backend, ExitValues.class)) {
            int[] got = new int[3];
            Syscalls.on("nu-exit", () -> {
                for (int i = 0; i < 4; i++) got[0] = Syscalls.getppid();
                for (int i = 0; i < 3; i++) got[1] = Syscalls.getpgid(0);
                for (int i = 0; i < 2; i++) got[2] = Syscalls.getpgid(-5);
            });
            assertEquals(4L, bpf.map(ExitValues.calls).get(110L));
            assertEquals(4L * got[0], bpf.map(ExitValues.returnSums).get(110L));
            assertEquals(5L, bpf.map(ExitValues.calls).get(121L));
            assertEquals(3L * got[1] + 2L * -3, bpf.map(ExitValues.returnSums).get(121L), "ESRCH is -3");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void rawForkArgumentsAreTasks(Backend backend) {
        try (BPF bpf = loadWithPid(backend, RawForks.class)) {
            List<Long> spawned = new ArrayList<>();
            for (int i = 0; i < 3; i++) spawned.add(spawnTrue());
            Syscalls.on("nu-raw-fork-thread", () -> { });
            BpfMap<Integer, Integer> parents = bpf.map(RawForks.parents);
            for (long child : spawned) assertEquals(PID, parents.get((int) child), "child " + child);
            assertTrue(bpf.global("threads").getLong() >= 1, "the thread started after the processes");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void rawSysEnterRegistersAreReadByName(Backend backend) {
        try (BPF bpf = loadWithPid(backend, RawRegisters.class)) {
            for (int i = 1; i <= 4; i++) Syscalls.getsid(7_000_000 + i);
            assertEquals(4L, bpf.global("calls").getLong());
            assertEquals(10L, bpf.global("sum").getLong());
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void uprobeArgumentsAndResultsOfLabs(Backend backend) {
        try (BPF bpf = loadWithPid(backend, AbsoluteValues.class)) {
            long[] values = {-5, 123_456_789_012L, -123_456_789_012L, 0, Long.MIN_VALUE + 1};
            long sum = 0, abs = 0;
            for (long v : values) {
                assertEquals(Math.abs(v), Syscalls.labs(v));
                sum += v;
                abs += Math.abs(v);
            }
            assertEquals(5L, bpf.global("calls").getLong());
            assertEquals(sum, bpf.global("argumentSum").getLong());
            assertEquals(abs, bpf.global("resultSum").getLong());
            assertEquals(3L, bpf.global("negatives").getLong());
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void execFileNamesAreCopiedFromTheRecord(Backend backend) {
        try (BPF bpf = load(backend, ExecFiles.class)) {
            List<Long> spawned = new ArrayList<>();
            for (int i = 0; i < 3; i++) spawned.add(spawnTrue());
            BpfMap<Integer, ExecFiles.Exec> byPid = bpf.map(ExecFiles.byPid);
            for (long child : spawned) {
                ExecFiles.Exec e = byPid.get((int) child);
                assertEquals(List.of("/bin/true", "/bin/true".length() + 1, (int) child),
                        List.of(CStrings.text(e.file), e.copied, e.oldPid), "exec of " + child);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void getenvNamesAndValuesComeFromUserMemory(Backend backend) {
        try (BPF bpf = loadWithPid(backend, EnvLookups.class)) {
            List<EnvLookups.Lookup> got = new ArrayList<>();
            RingBufferReader<EnvLookups.Lookup> reader = bpf.ringBuffer(EnvLookups.lookups, EnvLookups.Lookup.class, got::add);
            Syscalls.LibC libc = Syscalls.LibC.INSTANCE;
            assertEquals(0, libc.setenv("NU_ALPHA", "one", 1));
            assertEquals(0, libc.setenv("NU_LONG", "v".repeat(40), 1));
            assertEquals("one", libc.getenv("NU_ALPHA"));
            assertEquals(null, libc.getenv("NU_MISSING"));
            assertEquals("v".repeat(40), libc.getenv("NU_LONG"));
            libc.getenv("PATH");
            EventProbesKernelTest.pollUntil(() -> { reader.poll(10); return got.size() >= 3; });
            List<String> seen = new ArrayList<>();
            for (EnvLookups.Lookup l : got) seen.add(CStrings.text(l.name) + "=" + (l.found == 1 ? CStrings.text(l.value) : "(none)"));
            assertEquals(List.of("NU_ALPHA=one", "NU_MISSING=(none)", "NU_LONG=" + "v".repeat(31)), seen);
            assertTrue(bpf.global("otherNames").getLong() >= 1, "PATH");
            assertEquals(0, bpf.map(EnvLookups.pending).size(), "every call returned");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void softirqsAreCountedAsTheKernelCountsThem(Backend backend) throws IOException {
        long before = netRxSoftirqs();
        try (BPF bpf = load(backend, SoftirqVectors.class);
             DatagramSocket receiver = new DatagramSocket(0, InetAddress.getLoopbackAddress());
             DatagramSocket sender = new DatagramSocket()) {
            long from = netRxSoftirqs();
            for (int i = 0; i < 50; i++) send(sender, receiver, 64);
            byte[] buffer = new byte[128];
            for (int i = 0; i < 50; i++) receiver.receive(new DatagramPacket(buffer, buffer.length));
            long to = netRxSoftirqs();
            long counted = bpf.map(SoftirqVectors.byVector).getAggregated(SoftirqVectors.NET_RX);
            long after = netRxSoftirqs();
            assertTrue(to - from >= 1, "loopback datagrams raise NET_RX");
            assertTrue(counted >= to - from && counted <= after - before, (to - from) + " <= " + counted + " <= " + (after - before));
            assertEquals(0L, bpf.global("unknown").getLong());
        }
    }

    /** NET_RX softirqs run so far on all CPUs, from /proc/softirqs. */
    static long netRxSoftirqs() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/softirqs"))) {
            String[] f = line.trim().split("\\s+");
            if (!f[0].equals("NET_RX:")) continue;
            long sum = 0;
            for (int i = 1; i < f.length; i++) sum += Long.parseLong(f[i]);
            return sum;
        }
        throw new IllegalStateException("no NET_RX line in /proc/softirqs");
    }

    static long spawnTrue() {
        try {
            Process p = new ProcessBuilder("/bin/true").start();
            p.waitFor();
            return p.pid();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void send(DatagramSocket sender, DatagramSocket receiver, int size) throws IOException {
        sender.send(new DatagramPacket(new byte[size], size, receiver.getLocalSocketAddress()));
    }

    static <K, V> Map<K, V> toMap(BpfMap<K, V> map) {
        Map<K, V> out = new java.util.HashMap<>();
        for (Map.Entry<K, V> e : map.entries()) out.put(e.getKey(), e.getValue());
        return out;
    }
}
