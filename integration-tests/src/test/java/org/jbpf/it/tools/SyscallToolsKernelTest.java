package org.jbpf.it.tools;

import static org.jbpf.it.tools.ClassicToolsKernelTest.PID;
import static org.jbpf.it.tools.ClassicToolsKernelTest.load;
import static org.jbpf.it.tools.ClassicToolsKernelTest.on;
import static org.jbpf.it.tools.ClassicToolsKernelTest.records;
import static org.jbpf.it.tools.ClassicToolsKernelTest.toMap;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jbpf.BPF;
import org.jbpf.it.Backend;
import org.jbpf.loader.ProgramInfo;
import org.jbpf.runtime.CStrings;
import org.jbpf.testsupport.GatedChild;
import org.jbpf.toolchain.KernelSymbols;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Tools over system calls and timers: statsnoop/unlinksnoop, a bind/connect tracer on loopback, bytes read and
 * written per process, syscall latency by number on BTF-typed raw tracepoints, syscount on the raw tracepoint
 * sys_enter with the first argument of each call, and a count of high-resolution timers by function. Each is checked
 * against the calls its workload makes, started once the probe is attached.
 */
class SyscallToolsKernelTest {
    static final int AT_FDCWD = -100, AT_REMOVEDIR = 0x200, AT_SYMLINK_NOFOLLOW = 0x100;
    static final int ENOENT = 2, ENOTDIR = 20, EADDRINUSE = 98, ECONNREFUSED = 111;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void pathSnoopReportsStatsAndUnlinksWithTheirResults(Backend backend) throws IOException {
        Path dir = Files.createTempDirectory("jt-pathsnoop");
        Path file = Files.writeString(dir.resolve("file"), "x"), sub = Files.createDirectory(dir.resolve("sub"));
        try (BPF bpf = load(backend, PathSnoop.class, "targetPid", PID)) {
            Libc.C.getppid();
            byte[] stat = new byte[256];
            int[] results = new int[6];
            int tid = on("jt-pathsnoop", () -> {
                results[0] = Libc.C.fstatat(AT_FDCWD, file.toString(), stat, 0);
                results[1] = Libc.C.fstatat(AT_FDCWD, dir + "/missing", stat, AT_SYMLINK_NOFOLLOW);
                results[2] = Libc.C.unlinkat(AT_FDCWD, file.toString(), 0);
                results[3] = Libc.C.unlinkat(AT_FDCWD, file.toString(), 0);
                results[4] = Libc.C.unlinkat(AT_FDCWD, file + "/below", 0);
                results[5] = Libc.C.unlinkat(AT_FDCWD, sub.toString(), AT_REMOVEDIR);
            });
            assertEquals("[0, -1, 0, -1, -1, 0]", java.util.Arrays.toString(results));
            List<String> seen = new ArrayList<>();
            // only the test's paths: the thread's first calls through JNA may stat its own class files too
            for (PathSnoop.PathCall c : records(bpf, PathSnoop.events, PathSnoop.PathCall.class, 6,
                    c -> c.tid == tid && CStrings.text(c.path).startsWith(dir.toString())))
                seen.add((c.kind == PathSnoop.STAT ? "stat " : "unlink ") + CStrings.text(c.path) + " " + c.result + " flags 0x" + Integer.toHexString(c.flags));
            assertEquals(List.of("stat " + file + " 0 flags 0x0", "stat " + dir + "/missing " + -ENOENT + " flags 0x100",
                    "unlink " + file + " 0 flags 0x0", "unlink " + file + " " + -ENOENT + " flags 0x0",
                    "unlink " + file + "/below " + -ENOENT + " flags 0x0", "unlink " + sub + " 0 flags 0x200"), seen);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(sub);
            Files.deleteIfExists(dir);
        }
    }

    /** A {@code struct sockaddr_in} for 127.0.0.1:{@code port}. */
    static byte[] loopback(int port) {
        return new byte[] {2, 0, (byte) (port >> 8), (byte) port, 127, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0};
    }

    /** A loopback port nobody listens on just now: bound by a socket that is then closed. */
    static int freePort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void socketAddressesShowsBindsAndConnectsOnLoopback(Backend backend) throws IOException {
        int port = freePort(), closed = freePort();
        try (BPF bpf = load(backend, SocketAddresses.class, "targetPid", PID)) {
            Libc.C.getppid();
            int[] fds = new int[4], results = new int[4];
            int tid = on("jt-bindconnect", () -> {
                for (int i = 0; i < 4; i++) fds[i] = Libc.C.socket(2, 1, 0);   // AF_INET, SOCK_STREAM
                results[0] = Libc.C.bind(fds[0], loopback(port), 16);
                Libc.C.listen(fds[0], 4);
                results[1] = Libc.C.bind(fds[1], loopback(port), 16);
                results[2] = Libc.C.connect(fds[2], loopback(port), 16);
                results[3] = Libc.C.connect(fds[3], loopback(closed), 16);
                for (int fd : fds) Libc.C.close(fd);
            });
            assertEquals("[0, -1, 0, -1]", java.util.Arrays.toString(results));
            List<String> seen = new ArrayList<>();
            for (SocketAddresses.Event e : records(bpf, SocketAddresses.events, SocketAddresses.Event.class, 4, e -> e.tid == tid))
                seen.add((e.kind == SocketAddresses.BIND ? "bind" : "connect") + " fd " + e.fd + " family " + e.family + " "
                        + (e.address >>> 24) + "." + (e.address >> 16 & 0xff) + "." + (e.address >> 8 & 0xff) + "." + (e.address & 0xff)
                        + ":" + e.port + " " + e.result);
            assertEquals(List.of("bind fd " + fds[0] + " family 2 127.0.0.1:" + port + " 0",
                    "bind fd " + fds[1] + " family 2 127.0.0.1:" + port + " " + -EADDRINUSE,
                    "connect fd " + fds[2] + " family 2 127.0.0.1:" + port + " 0",
                    "connect fd " + fds[3] + " family 2 127.0.0.1:" + closed + " " + -ECONNREFUSED), seen);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void ioBytesCountsEachProcesssReadsAndWrites(Backend backend) throws Exception {
        // the child reads and writes known sizes once let go; its start-up I/O happens before the probe is attached
        GatedChild child = GatedChild.start(List.of("perl", "-MPOSIX=", "-e", GatedChild.PERL_GATE
                + "open(my $in, '<', '/dev/zero') or die; open(my $out, '>', '/dev/null') or die; my $b;"
                + " sysread($in, $b, $_) for (1000, 2000, 3000); syswrite($out, 'x' x 4096) for (1, 2); syswrite($out, 'y' x 10);"
                + " POSIX::read(99, $b, 1); POSIX::write(99, 'z', 1);"));
        try (BPF bpf = load(backend, IoBytes.class)) {
            child.go();
            assertEquals(0, child.finish());
            IoBytes.Io io = bpf.map(IoBytes.byProcess).get((int) child.pid());
            assertNotNull(io, "the child's reads and writes");
            assertEquals(List.of(4L, 1L + 6000, 3L, 2 * 4096L + 10, 2L), List.of(io.reads, io.readBytes, io.writes, io.writeBytes, io.failures),
                    "reads (the gate's line of 1 byte, then 1000, 2000, 3000), writes, and the two on a closed descriptor");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void syscallLatencyTotalsEachNumber(Backend backend) {
        try (BPF bpf = load(backend, SyscallLatency.class, "targetPid", PID)) {
            on("jt-sclat", () -> {
                for (int i = 0; i < 4; i++) Libc.C.usleep(10_000);
                for (int i = 0; i < 6; i++) Libc.C.getppid();
                for (int i = 0; i < 3; i++) Libc.C.kill(4_000_000, 0);
            });
            Map<Long, SyscallLatency.Totals> byId = toMap(bpf.map(SyscallLatency.byId));
            SyscallLatency.Totals sleeps = byId.get(230L), getppid = byId.get(110L), kill = byId.get(62L);
            assertEquals(List.of(4L, 6L, 3L), List.of(sleeps.calls, getppid.calls, kill.calls), "clock_nanosleep, getppid, kill");
            assertEquals(List.of(0L, 0L, 3L), List.of(sleeps.failures, getppid.failures, kill.failures), "kill of a missing process fails");
            assertTrue(sleeps.nanos >= 40_000_000L && sleeps.slowest >= 10_000_000L && sleeps.slowest <= sleeps.nanos,
                    "four sleeps of 10 ms: " + sleeps.nanos + " ns in all, slowest " + sleeps.slowest);
            assertTrue(getppid.nanos > 0 && getppid.slowest <= getppid.nanos && getppid.nanos < sleeps.nanos, getppid.nanos + " ns for getppid");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void rawSyscallsCountsCallsAndSumsTheirFirstArgument(Backend backend) {
        try (BPF bpf = load(backend, RawSyscalls.class, "targetPid", PID)) {
            on("jt-rawsys", () -> {
                for (int pid = 1; pid <= 5; pid++) Libc.C.getpgid(4_000_000 + pid);
                for (int i = 0; i < 7; i++) Libc.C.getsid(i);
            });
            Map<Long, Long> calls = toMap(bpf.map(RawSyscalls.calls)), firsts = toMap(bpf.map(RawSyscalls.firstArguments));
            assertEquals(List.of(5L, 7L), List.of(calls.get(121L), calls.get(124L)), "getpgid, getsid: " + calls);
            assertEquals(List.of(5 * 4_000_000L + 15, 21L), List.of(firsts.get(121L), firsts.get(124L)), "their pids summed");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void timerCountsSeeEachSleepsTimerStartAndExpire(Backend backend) {
        try (BPF bpf = load(backend, TimerCounts.class, "targetPid", PID)) {
            on("jt-timers", () -> {
                for (int i = 0; i < 5; i++) Libc.C.usleep(2000);
            });
            KernelSymbols kernel = KernelSymbols.load();
            Map<String, Long> starts = named(toMap(bpf.map(TimerCounts.startsByFunction)), kernel);
            Map<String, Long> expiries = named(toMap(bpf.map(TimerCounts.expiriesByFunction)), kernel);
            assertEquals(5L, starts.get("hrtimer_wakeup"), "one sleeper timer per usleep: " + starts);
            // an expiry runs in a hard interrupt, and the kernel skips a tracing program (counting a recursion miss) when
            // the interrupt lands while another BPF program runs on that CPU, as other probes may on a busy machine
            long expired = expiries.getOrDefault("hrtimer_wakeup", 0L);
            assertTrue(expired >= 1 && expired <= 5, "each expired at most once, and expiries were seen: " + expiries);
            // a jt- thread also starts timers that are not its sleeps' (a CPU's tick timer restarted while it runs, or a
            // cpu-clock perf event re-armed as it is scheduled when another process samples every CPU): each function's
            // timers expire no more often than they started
            for (Map.Entry<String, Long> e : expiries.entrySet())
                assertTrue(e.getValue() <= starts.getOrDefault(e.getKey(), 0L), "expired more often than started: " + starts + ", " + expiries);
        }
    }

    static Map<String, Long> named(Map<Long, Long> byAddress, KernelSymbols kernel) {
        Map<String, Long> out = new TreeMap<>();
        for (Map.Entry<Long, Long> e : byAddress.entrySet()) out.merge(kernel.symbolize(e.getKey()), e.getValue(), Long::sum);
        return out;
    }
}
