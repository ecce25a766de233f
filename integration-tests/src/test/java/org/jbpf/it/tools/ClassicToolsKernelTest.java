package org.jbpf.it.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Pointer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.jbpf.BPF;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.events.RingBufferReader;
import org.jbpf.examples.tools.ExecArgsSnoop;
import org.jbpf.examples.tools.KillSnoop;
import org.jbpf.examples.tools.TcpStates;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.it.net.NetNs;
import org.jbpf.maps.RingBuffer;
import org.jbpf.runtime.BpfMap;
import org.jbpf.runtime.CStrings;
import org.jbpf.sim.Verifier;
import org.jbpf.sim.VerifierResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Classic tracing tools written as Java probes (opensnoop, execsnoop, killsnoop, syscount, runqlat, a read/write size
 * histogram, process lifetimes, tcpstates, a signal tracer, an mmap and page-fault counter). Each is translated on
 * both backends, accepted by the verifier simulation, loaded and attached before the test makes its workload, and
 * checked against what that workload is known to do: the files it opened, the processes it started, the signals it
 * sent, the ports it used, the pages it touched.
 */
class ClassicToolsKernelTest {
    static final int PID = (int) ProcessHandle.current().pid();
    static final int O_RDONLY = 0, O_WRONLY = 1, O_CREAT = 0100;
    static final int ENOENT = 2, ESRCH = 3, EISDIR = 21;

    /** Translated, simulated, loaded and attached, with {@code constants} (name, value pairs) set at load. */
    static BPF load(Backend backend, Class<?> probe, Object... constants) {
        BpfObject object = backend.translate(probe);
        for (VerifierResult r : Verifier.verifyAll(object)) assertTrue(r.ok(), probe.getSimpleName() + ": " + r);
        KernelCheck.require();
        org.jbpf.BpfBuilder builder = BPF.builder(object, probe);
        for (int i = 0; i < constants.length; i += 2) builder.constant((String) constants[i], constants[i + 1]);
        return builder.loadAndAttach();
    }

    /** The records of {@code ring} that {@code wanted} accepts, waiting up to 5 s for {@code count} of them. */
    static <E> List<E> records(BPF bpf, RingBuffer ring, Class<E> type, int count, Predicate<E> wanted) {
        List<E> got = new ArrayList<>();
        try (RingBufferReader<E> reader = bpf.ringBuffer(ring, type, e -> { if (wanted.test(e)) got.add(e); })) {
            pollUntil(() -> { reader.poll(10); return got.size() >= count; });
            reader.poll(10);
        }
        return got;
    }

    static void pollUntil(BooleanSupplier done) {
        long end = System.nanoTime() + 5_000_000_000L;
        while (!done.getAsBoolean() && System.nanoTime() < end) Thread.onSpinWait();
    }

    /** Runs {@code calls} on a new thread named {@code name} and waits for it; the thread's id. */
    static int on(String name, Runnable calls) {
        int[] tid = new int[1];
        Thread t = new Thread(() -> { tid[0] = Libc.C.gettid(); calls.run(); }, name);
        t.start();
        join(t);
        return tid[0];
    }

    static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static int openAndClose(String path, int flags) {
        int fd = Libc.C.open(path, flags, 0600);
        if (fd >= 0) Libc.C.close(fd);
        return fd;
    }

    static Process start(String... command) {
        try {
            return new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static int waitFor(Process p) {
        try {
            return p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static <K, V> Map<K, V> toMap(BpfMap<K, V> map) {
        Map<K, V> out = new TreeMap<>();
        for (Map.Entry<K, V> e : map.entries()) out.put(e.getKey(), e.getValue());
        return out;
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void openSnoopReportsNamesAndResults(Backend backend) throws IOException {
        Path dir = Files.createDirectories(Path.of("/tmp/jt-opensnoop"));
        Path made = dir.resolve("made-" + backend);
        Files.deleteIfExists(made);
        try (BPF bpf = load(backend, OpenSnoop.class, "targetPid", PID)) {
            Libc.C.getppid();   // libc bound before the workload, whose opens are then only its own
            int tid = on("jt-opensnoop", () -> {
                openAndClose(dir + "/missing", O_RDONLY);
                openAndClose(made.toString(), O_WRONLY | O_CREAT);
                openAndClose("/tmp", O_WRONLY);
                openAndClose("/proc/self/status", O_RDONLY);
            });
            List<String> seen = new ArrayList<>();
            for (OpenSnoop.Open o : records(bpf, OpenSnoop.opens, OpenSnoop.Open.class, 4, o -> o.tid == tid)) {
                assertEquals("jt-opensnoop", CStrings.text(o.comm));
                seen.add(CStrings.text(o.file) + " " + (o.result >= 0 ? "fd" : "errno " + -o.result) + " flags " + Long.toOctalString(o.flags));
            }
            assertEquals(List.of(dir + "/missing errno " + ENOENT + " flags 0", made + " fd flags 101",
                    "/tmp errno " + EISDIR + " flags 1", "/proc/self/status fd flags 0"), seen);
        } finally {
            Files.deleteIfExists(made);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void execSnoopReportsFileAndArguments(Backend backend) {
        try (BPF bpf = load(backend, ExecArgsSnoop.class)) {
            Process first = start("/bin/echo", "alpha", "a second argument");
            Process second = start("/bin/echo", "1", "2", "3", "4", "5", "6", "7");
            waitFor(first);
            waitFor(second);
            int a = (int) first.pid(), b = (int) second.pid();
            List<String> seen = new ArrayList<>();
            for (ExecArgsSnoop.Arg arg : records(bpf, ExecArgsSnoop.args, ExecArgsSnoop.Arg.class, 3 + 7, r -> r.pid == a || r.pid == b))
                seen.add((arg.pid == a ? "first" : "second") + " " + arg.index + " " + CStrings.text(arg.text));
            assertEquals(List.of("first -1 /bin/echo", "first 0 /bin/echo", "first 1 alpha", "first 2 a second argument",
                    "second -1 /bin/echo", "second 0 /bin/echo", "second 1 1", "second 2 2", "second 3 3", "second 4 4", "second 5 5"),
                    sortedByProcess(seen));
        }
    }

    /**
     * The events of the first process's last exec, then the second's, each in the order they came: a process Java
     * starts may exec a helper first (jspawnhelper), which then execs the program.
     */
    static List<String> sortedByProcess(List<String> events) {
        List<String> out = new ArrayList<>();
        for (String process : List.of("first ", "second ")) {
            List<String> own = new ArrayList<>();
            for (String e : events) {
                if (e.startsWith(process + "-1 ")) own.clear();
                if (e.startsWith(process)) own.add(e);
            }
            out.addAll(own);
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void killSnoopReportsTargetsSignalsAndResults(Backend backend) {
        Process sleeper = start("/bin/sleep", "30");
        int child = (int) sleeper.pid();
        int missing = 4_000_000 + (int) (System.nanoTime() & 0xffff);
        try (BPF bpf = load(backend, KillSnoop.class, "targetPid", PID)) {
            Libc.C.getppid();
            int tid = on("jt-killsnoop", () -> {
                Libc.C.kill(PID, 0);
                Libc.C.kill(missing, 9);
                Libc.C.kill(child, 15);
            });
            assertEquals(143, waitFor(sleeper), "killed by SIGTERM");
            assertEquals(List.of(new KillSnoop.Kill(tid, PID, 0, 0), new KillSnoop.Kill(tid, missing, 9, -ESRCH),
                    new KillSnoop.Kill(tid, child, 15, 0)), records(bpf, KillSnoop.kills, KillSnoop.Kill.class, 3, k -> k.tid() == tid));
        } finally {
            sleeper.destroyForcibly();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void sysCountCountsEachSyscallNumber(Backend backend) {
        try (BPF bpf = load(backend, SysCount.class, "targetPid", PID)) {
            Libc.C.getppid();
            on("jt-syscount", () -> {
                for (int i = 0; i < 7; i++) Libc.C.getppid();
                for (int i = 0; i < 5; i++) Libc.C.getpgid(0);
                for (int i = 0; i < 3; i++) Libc.C.getsid(0);
            });
            Map<Long, Long> counts = toMap(bpf.map(SysCount.byId));
            assertEquals(List.of(7L, 5L, 3L), List.of(counts.get(110L), counts.get(121L), counts.get(124L)), "getppid, getpgid, getsid: " + counts);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void runQueueLatencyMatchesTheSchedulersCounts(Backend backend) throws IOException {
        // another process whose one thread has the same kind of name: it sleeps and wakes too, and must not count
        Path other = Files.copy(Path.of("/bin/sleep"), Path.of("/tmp/jt-runq-other-" + backend), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try (BPF bpf = load(backend, RunQueueLatency.class, "targetPid", PID)) {
            Process stranger = start(other.toString(), "0.05");
            assertEquals(0, waitFor(stranger));
            CountDownLatch go = new CountDownLatch(1), release = new CountDownLatch(1);
            int[] tid = new int[1];
            boolean[] slept = new boolean[1];
            Thread sleeper = new Thread(() -> {
                tid[0] = Libc.C.gettid();
                awaitQuietly(go);
                for (int i = 0; i < 20; i++) Libc.C.usleep(1000);
                slept[0] = true;
                awaitQuietly(release);
            }, "jt-runq-sleeper");
            sleeper.start();
            // the thread takes its name after it first runs: compare the counts between two points where it waits
            long[] before = parked(bpf, sleeper, tid);
            go.countDown();
            pollUntil(() -> slept[0]);
            long[] after = parked(bpf, sleeper, tid);
            release.countDown();
            join(sleeper);
            long switches = after[3] - before[3], histogram = after[5] - before[5], scheduled = after[2] - before[2];
            // the kernel skips the program, and counts the skip, when another BPF program or a bpf() map call is
            // active on that CPU; beside those, a tracepoint's consumers miss a few events unrecorded (UnseenEvents)
            long skipped = after[6] - before[6], unseen = UnseenEvents.allowance(scheduled);
            assertTrue(switches <= scheduled && scheduled - switches <= skipped + unseen, "switches to the thread: " + switches
                    + ", /proc/<tid>/schedstat counts " + scheduled + ", the kernel skipped the switch program " + skipped + " times");
            // a sleep's wakeup runs in the timer's interrupt, where the kernel skips the wakeup program as it does the switch program
            long wakeupsSkipped = after[7] - before[7];
            assertTrue(histogram <= switches && histogram + skipped + wakeupsSkipped + unseen >= 20, "20 sleeps woke it: " + histogram
                    + " of " + switches + ", the kernel skipped the switch program " + skipped + " times and the wakeup program " + wakeupsSkipped);
            long waited = after[4] - before[4];
            long queued = after[1] - before[1];   // by the run queue's clock, which may lag ktime by some microseconds a switch
            assertTrue(waited > 0 && waited <= queued + switches * 50_000, waited + " ns after wakeups, " + queued + " ns queued in all");
            int strangerPid = (int) stranger.pid();
            assertEquals(List.of(false, false), List.of(bpf.map(RunQueueLatency.switchesIn).containsKey(strangerPid),
                    bpf.map(RunQueueLatency.waitedNs).containsKey(strangerPid)),
                    "the other process's jt-runq thread is not counted");
            assertEquals(java.util.Set.of(tid[0]), toMap(bpf.map(RunQueueLatency.switchesIn)).keySet(), "only the test's thread is counted");
        } finally {
            Files.deleteIfExists(other);
        }
    }

    /**
     * Once {@code thread} sleeps: its schedstat (run time, run-queue wait, times switched in), then the probe's switches
     * to it, its wait after wakeups, the histogram's total and how many times the kernel skipped the switch program and the wakeup program.
     */
    static long[] parked(BPF bpf, Thread thread, int[] tid) throws IOException {
        pollUntil(() -> thread.getState() == Thread.State.WAITING && procState(tid[0]) == 'S');
        long[] seen, s, again;
        do {
            // the kernel counts a switch in schedstat just after the switch tracepoint, and a parked thread may still
            // wake: take schedstat between two equal readings of the maps after which the thread still sleeps, so no
            // switch to it was under way (a woken thread is runnable from its wakeup until it sleeps again)
            seen = probeCounts(bpf, tid[0]);
            s = schedstat(tid[0]);
            again = probeCounts(bpf, tid[0]);
        } while (!java.util.Arrays.equals(seen, again) || procState(tid[0]) != 'S');
        return new long[] {s[0], s[1], s[2], seen[0], seen[1], seen[2], seen[3], seen[4]};
    }

    /** The probe's switches to the thread, its wait, the histogram's total, and both programs' skips. */
    static long[] probeCounts(BPF bpf, int tid) {
        long histogram = 0;
        for (long slot : bpf.map(RunQueueLatency.micros).values()) histogram += slot;
        return new long[] {orZero(bpf.map(RunQueueLatency.switchesIn).get(tid)), orZero(bpf.map(RunQueueLatency.waitedNs).get(tid)),
                histogram, org.jbpf.loader.ProgramInfo.of(bpf.program("onSwitch").fd()).recursionMisses(),
                org.jbpf.loader.ProgramInfo.of(bpf.program("onWakeup").fd()).recursionMisses()};
    }

    static long orZero(Long value) {
        return value == null ? 0 : value;
    }

    static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static char procState(int tid) {
        try {
            String stat = Files.readString(Path.of("/proc/self/task/" + tid + "/stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2);
        } catch (IOException e) {
            return '?';
        }
    }

    static long[] schedstat(int tid) throws IOException {
        String[] f = Files.readString(Path.of("/proc/self/task/" + tid + "/schedstat")).trim().split(" ");
        return new long[] {Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2])};
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void readAndWriteSizesFallInTheirBuckets(Backend backend) {
        try (BPF bpf = load(backend, ReadWriteSizes.class, "targetPid", PID)) {
            Libc.C.getppid();
            on("jt-rw-sizes", () -> {
                int out = Libc.C.open("/dev/null", O_WRONLY, 0), in = Libc.C.open("/dev/zero", O_RDONLY, 0);
                byte[] buffer = new byte[8192];
                for (int size : new int[] {1, 3, 3, 100, 4096, 5000, 8191}) Libc.C.write(out, buffer, size);
                for (int size : new int[] {8, 16, 1024, 1024}) Libc.C.read(in, buffer, size);
                Libc.C.write(-1, buffer, 1);
                Libc.C.read(-1, buffer, 1);
                Libc.C.close(out);
                Libc.C.close(in);
            });
            assertEquals(Map.of(0, 1L, 1, 2L, 6, 1L, 12, 3L), nonZero(bpf.map(ReadWriteSizes.writes)));
            assertEquals(Map.of(3, 1L, 4, 1L, 10, 2L), nonZero(bpf.map(ReadWriteSizes.reads)));
            assertEquals(2L, bpf.global("failed").getLong(), "EBADF");
        }
    }

    static Map<Integer, Long> nonZero(BpfMap<Integer, Long> histogram) {
        Map<Integer, Long> out = new TreeMap<>();
        for (Map.Entry<Integer, Long> e : histogram.entries()) if (e.getValue() != 0) out.put(e.getKey(), e.getValue());
        return out;
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void processLifetimesCoverEachChild(Backend backend) {
        try (BPF bpf = load(backend, ProcessLifetimes.class, "targetPid", PID)) {
            Process quick = start("/bin/true");
            waitFor(quick);
            Process slow = start("/bin/sleep", "0.3");
            waitFor(slow);
            Map<Integer, ProcessLifetimes.Life> byPid = new TreeMap<>();
            for (ProcessLifetimes.Life l : records(bpf, ProcessLifetimes.lives, ProcessLifetimes.Life.class, 2,
                    l -> l.pid == quick.pid() || l.pid == slow.pid())) byPid.put(l.pid, l);
            ProcessLifetimes.Life q = byPid.get((int) quick.pid()), s = byPid.get((int) slow.pid());
            assertEquals(List.of("true", PID, "sleep", PID), List.of(CStrings.text(q.comm), q.parent, CStrings.text(s.comm), s.parent));
            assertTrue(s.nanos >= 300_000_000L && s.nanos < 10_000_000_000L, "sleep 0.3 lived " + s.nanos + " ns");
            assertTrue(q.nanos > 0 && q.nanos < s.nanos, "true lived " + q.nanos + " ns");
            // the JVM's own new threads are forks too and may still be running: only the two children must be gone
            BpfMap<Integer, ProcessLifetimes.Birth> born = bpf.map(ProcessLifetimes.born);
            assertEquals(List.of(false, false), List.of(born.containsKey((int) quick.pid()), born.containsKey((int) slow.pid())),
                    "each child's birth was matched by its exit");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void tcpStatesFollowALoopbackConnectionInANamespace(Backend backend) throws Exception {
        try (NetNs ns = NetNs.create("jt-tcpstates-" + PID)) {
            ns.ip("link", "set", "lo", "up");
            InetAddress loopback = InetAddress.getByName("127.0.0.1");
            ns.inside(() -> {
                try (ServerSocket server = new ServerSocket(0, 1, loopback)) {
                    int port = server.getLocalPort();
                    try (BPF bpf = load(backend, TcpStates.class, "port", port)) {
                        Socket client = new Socket(loopback, port);
                        int clientPort = client.getLocalPort();
                        Socket accepted = server.accept();
                        client.close();
                        assertEquals(-1, accepted.getInputStream().read(), "the client's FIN");
                        accepted.close();
                        List<String> clientSide = new ArrayList<>(), serverSide = new ArrayList<>();
                        for (TcpStates.Change c : records(bpf, TcpStates.changes, TcpStates.Change.class, 10, c -> true)) {
                            assertEquals(List.of("127.0.0.1", "127.0.0.1"), List.of(address(c.localAddress), address(c.remoteAddress)));
                            String step = state(c.oldState) + ">" + state(c.newState);
                            if (c.remotePort == port && (c.localPort == clientPort || c.localPort == 0)) clientSide.add(step + (c.localPort == 0 ? " unbound" : ""));
                            else if (c.localPort == port && c.remotePort == clientPort) serverSide.add(step);
                            else throw new AssertionError("ports " + c.localPort + " " + c.remotePort);
                        }
                        assertEquals(List.of("CLOSE>SYN_SENT unbound", "SYN_SENT>ESTABLISHED", "ESTABLISHED>FIN_WAIT1", "FIN_WAIT1>FIN_WAIT2", "FIN_WAIT2>CLOSE"), clientSide);
                        assertEquals(List.of("LISTEN>SYN_RECV", "SYN_RECV>ESTABLISHED", "ESTABLISHED>CLOSE_WAIT", "CLOSE_WAIT>LAST_ACK", "LAST_ACK>CLOSE"), serverSide);
                    }
                }
                return null;
            });
        }
    }

    static final String[] TCP_STATES = {"?", "ESTABLISHED", "SYN_SENT", "SYN_RECV", "FIN_WAIT1", "FIN_WAIT2", "TIME_WAIT", "CLOSE",
        "CLOSE_WAIT", "LAST_ACK", "LISTEN", "CLOSING", "NEW_SYN_RECV"};

    static String state(int s) { return s > 0 && s < TCP_STATES.length ? TCP_STATES[s] : "state " + s; }

    static String address(byte[] a) { return (a[0] & 0xff) + "." + (a[1] & 0xff) + "." + (a[2] & 0xff) + "." + (a[3] & 0xff); }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void signalTracerSeesEachSignalSent(Backend backend) {
        Process sleeper = start("/bin/sleep", "30");
        int child = (int) sleeper.pid();
        try (BPF bpf = load(backend, SignalTracer.class, "targetPid", PID)) {
            pollUntil(() -> comm(child).equals("sleep"));
            assertEquals("sleep", comm(child), "the child has exec'd sleep");
            for (int signal : new int[] {19, 18, 10}) assertEquals(0, Libc.C.kill(child, signal));
            assertEquals(128 + 10, waitFor(sleeper), "killed by SIGUSR1");
            List<String> seen = new ArrayList<>();
            for (SignalTracer.Signal s : records(bpf, SignalTracer.signals, SignalTracer.Signal.class, 3, s -> s.target == child))
                seen.add(s.signal + " " + s.result + " " + CStrings.text(s.comm));
            assertEquals(List.of("19 0 sleep", "18 1 sleep", "10 0 sleep"), seen, "SIGSTOP and SIGUSR1 delivered; SIGCONT resumes the stopped"
                    + " process as it is sent and is then ignored (no handler)");
        } finally {
            sleeper.destroyForcibly();
        }
    }

    static String comm(int pid) {
        try {
            return Files.readString(Path.of("/proc/" + pid + "/comm")).trim();
        } catch (IOException e) {
            return "";
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void mmapLengthsAndPageFaultsAreCounted(Backend backend) {
        int page = 4096, prot = 3, flags = 0x22;   // PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS
        try (BPF bpf = load(backend, MmapFaults.class, "targetPid", PID)) {
            Libc.C.getppid();
            on("jt-mmap", () -> {
                for (int pages : new int[] {7, 13, 13}) {
                    Pointer p = Libc.C.mmap(null, (long) pages * page, prot, flags, -1, 0);
                    Libc.C.munmap(p, (long) pages * page);
                }
                Pointer area = Libc.C.mmap(null, 29L * page, prot, flags, -1, 0);
                long start = Pointer.nativeValue(area);
                bpf.global("watchFrom").set(start);
                bpf.global("watchTo").set(start + 29L * page);
                for (int i = 0; i < 29; i += 2) area.setByte((long) i * page, (byte) 1);   // 15 pages written once each
                for (int i = 0; i < 29; i += 2) area.setByte((long) i * page + 100, (byte) 2);
                Libc.C.munmap(area, 29L * page);
            });
            Map<Long, Long> byLength = toMap(bpf.map(MmapFaults.mapsByLength));
            assertEquals(List.of(1L, 2L, 1L), List.of(byLength.get(7L * page), byLength.get(13L * page), byLength.get(29L * page)), "" + byLength);
            assertEquals((7L + 13 + 13 + 29) * page, bpf.global("unmappedBytes").getLong());
            assertEquals(15L, bpf.global("faults").getLong(), "one fault per page touched, none for the second write");
            assertEquals(15L, bpf.global("writeFaults").getLong());
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void credentialsAreReadThroughTypedefsOfUnnamedStructs(Backend backend) {
        try (BPF bpf = load(backend, ExecCredentials.class)) {
            Process root = start("/bin/true");
            Process other = start("setpriv", "--ruid=1234", "--euid=4321", "--rgid=2345", "--egid=5432", "--clear-groups", "/bin/true");
            assertEquals(0, waitFor(root));
            assertEquals(0, waitFor(other), "setpriv ran /bin/true");
            BpfMap<Integer, ExecCredentials.Ids> byPid = bpf.map(ExecCredentials.byPid);
            assertEquals(new ExecCredentials.Ids(0, 0, 0, 0, 0), byPid.get((int) root.pid()));
            assertEquals(new ExecCredentials.Ids(1234, 4321, 2345, 1234, 2345), byPid.get((int) other.pid()), "cred.uid.val, euid, gid and the helpers'");
        }
    }

    /** syscount's counts equal bpftrace's over the same workload, bpftrace attached first (its BEGIN runs once all its probes are). */
    @org.junit.jupiter.api.Test
    void sysCountAgreesWithBpftrace() throws Exception {
        java.nio.file.Path bpftrace = org.jbpf.testsupport.Tools.find("bpftrace");
        if (bpftrace == null) org.jbpf.testsupport.Skip.optional("bpftrace", "bpftrace is not installed: the second opinion is left out");
        KernelCheck.require();
        Process tracer = new ProcessBuilder(bpftrace.toString(), "-e", "BEGIN { printf(\"ready\\n\"); } "
                + "tracepoint:raw_syscalls:sys_enter /pid == " + PID + " && comm == \"jt-syscount\"/ { @[args->id] = count(); }").redirectErrorStream(true).start();
        try (BPF bpf = load(Backend.DIRECT, SysCount.class, "targetPid", PID);
             java.io.BufferedReader out = new java.io.BufferedReader(new java.io.InputStreamReader(tracer.getInputStream()))) {
            for (String line = out.readLine(); line != null && !line.equals("ready"); line = out.readLine()) { }
            Libc.C.getppid();
            on("jt-syscount", () -> {
                for (int i = 0; i < 9; i++) Libc.C.getppid();
                for (int i = 0; i < 4; i++) Libc.C.getpgid(0);
                for (int i = 0; i < 6; i++) Libc.C.getsid(0);
            });
            Map<Long, Long> ours = toMap(bpf.map(SysCount.byId));
            // SIGTERM: bpftrace prints its map and exits (destroy() would close its output). A signal that comes just
            // before bpftrace waits for events again is seen only at the next event, and none comes: send it until it exits
            List<String> printed = new ArrayList<>();
            Thread reader = new Thread(() -> {
                try {
                    for (String line = out.readLine(); line != null; line = out.readLine()) printed.add(line);
                } catch (IOException closed) {
                    // the output ends with the process
                }
            }, "bpftrace-output");
            reader.start();
            long end = System.nanoTime() + 30_000_000_000L;
            do Libc.C.kill((int) tracer.pid(), 15);
            while (!tracer.waitFor(500, java.util.concurrent.TimeUnit.MILLISECONDS) && System.nanoTime() < end);
            reader.join();
            Map<Long, Long> theirs = new TreeMap<>();
            java.util.regex.Pattern entry = java.util.regex.Pattern.compile("@\\[(\\d+)\\]: (\\d+)");
            for (String line : printed) {
                java.util.regex.Matcher m = entry.matcher(line.trim());
                if (m.matches()) theirs.put(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
            }
            assertEquals(List.of(9L, 4L, 6L), List.of(ours.get(110L), ours.get(121L), ours.get(124L)), "jbpf: " + ours);
            assertEquals(List.of(9L, 4L, 6L), List.of(theirs.get(110L), theirs.get(121L), theirs.get(124L)), "bpftrace: " + theirs);
        } finally {
            tracer.destroyForcibly();
            tracer.waitFor();
        }
    }
}
