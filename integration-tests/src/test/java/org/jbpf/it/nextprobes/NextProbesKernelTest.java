package org.jbpf.it.nextprobes;

import static org.jbpf.it.Workloads.cgroup2Root;
import static org.jbpf.it.Workloads.comm;
import static org.jbpf.it.Workloads.python;
import static org.jbpf.it.Workloads.records;
import static org.jbpf.it.Workloads.work;
import static org.jbpf.it.Workloads.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jbpf.BPF;
import org.jbpf.runtime.BpfMap;
import org.jbpf.testsupport.GatedChild;
import org.junit.jupiter.api.Test;

/**
 * The probes people write after the first dozen, written from README.md and docs/ alone and run from Java as they
 * show it, each against a child that does a known thing once the probe is attached: the values are what it did.
 */
class NextProbesKernelTest {
    @Test void libcUprobeAndUretprobeSeeEachCallsArgumentAndResult() throws Exception {
        GatedChild child = python("import ctypes\nlibc = ctypes.CDLL('libc.so.6')\nlibc.labs.restype = ctypes.c_long",
                "for n in (-12345, 7, -1 << 40): libc.labs(ctypes.c_long(n))");
        try (BPF bpf = BPF.builder(LibcCalls.class).constant("targetPid", (int) child.pid()).loadAndAttach()) {
            work(child);
            List<String> calls = new ArrayList<>();
            for (LibcCalls.Call c : records(bpf, LibcCalls.calls, LibcCalls.Call.class, 3, c -> true)) {
                assertEquals(child.pid(), c.pid);
                calls.add("labs(" + c.argument + ") = " + c.result);
            }
            assertEquals(List.of("labs(-12345) = 12345", "labs(7) = 7", "labs(-1099511627776) = 1099511627776"), calls);
        } finally {
            child.finish();
        }
    }

    @Test void tpBtfReadsTheExecingTasksParentCgroupAndStartTimeByName() throws Exception {
        GatedChild child = python("import subprocess", "subprocess.run(['/bin/true'])");
        try (BPF bpf = BPF.builder(TaskFacts.class).constant("parentPid", (int) child.pid()).loadAndAttach()) {
            long before = System.nanoTime();
            work(child);
            long after = System.nanoTime();
            List<TaskFacts.Facts> execs = records(bpf, TaskFacts.execs, TaskFacts.Facts.class, 1, f -> true);
            assertEquals(1, execs.size());
            TaskFacts.Facts f = execs.get(0);
            assertEquals(child.pid(), f.ppid);
            assertTrue(f.pid != child.pid() && f.pid > 0, "the child's child: " + f.pid);
            // the start time is the fork's, on CLOCK_MONOTONIC, the clock of System.nanoTime()
            assertTrue(before <= f.startNanos && f.startNanos <= after, before + " <= " + f.startNanos + " <= " + after);
            // cgroup v2: the id is the inode number of the cgroup's directory; /bin/true ran in its parent's cgroup
            assertEquals(cgroupInode(child.pid()), f.cgroupId);
            assertEquals(f.cgroupId, f.currentCgroupId, "Helpers.cgroupId() of the current task says the same");
        } finally {
            child.finish();
        }
    }

    /** The inode number of the cgroup v2 directory of process {@code pid}. */
    static long cgroupInode(long pid) throws Exception {
        String path = null;
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/cgroup")))
            if (line.startsWith("0::")) path = line.substring(3);
        assertTrue(path != null, "a cgroup v2 line in /proc/" + pid + "/cgroup");
        Object inode = Files.getAttribute(Path.of(cgroup2Root() + path), "unix:ino");
        return ((Number) inode).longValue();
    }

    @Test void aCommandFixedAtLoadAndAProcessChangedWhileRunningFilterTheCounts() throws Exception {
        String twice = "for i in range(3): os.getppid()\nprint('half', flush=True)\nsys.stdin.readline()\nfor i in range(4): os.getppid()";
        GatedChild a = python("", twice), b = python("", twice);
        String name = comm(a.pid());
        byte[] command = name.getBytes(StandardCharsets.US_ASCII);
        try (BPF bpf = BPF.builder(ProcessFilter.class).constant("targetComm", command).loadAndAttach()) {
            BpfMap<Integer, Long> calls = bpf.map(ProcessFilter.calls);
            bpf.global("targetPid").set((int) a.pid());
            a.go();
            b.go();
            a.await("half");
            b.await("half");
            bpf.global("targetPid").set((int) b.pid());   // from now on b's calls, not a's
            a.go();
            b.go();
            a.await("done");
            b.await("done");
            assertEquals(3L, calls.get((int) a.pid()), "a's first three, before the switch");
            assertEquals(4L, calls.get((int) b.pid()), "b's last four, after it");
            assertEquals(2, calls.size());
            assertEquals(b.pid(), bpf.global("targetPid").getLong(), "an int global read as a long, widened");
            assertEquals((int) b.pid(), bpf.global("targetPid").getInt());
        } finally {
            a.finish();
            b.finish();
        }
        // a command name that is not python3's: nothing counted
        GatedChild c = python("", "for i in range(3): os.getppid()");
        String prefix = name.substring(0, name.length() - 1);
        try (BPF bpf = BPF.builder(ProcessFilter.class).constant("targetComm", prefix.getBytes(StandardCharsets.US_ASCII))
                .loadAndAttach()) {
            work(c);
            assertEquals(null, bpf.map(ProcessFilter.calls).get((int) c.pid()), prefix + " is not " + name);
        } finally {
            c.finish();
        }
    }

    @Test void runQueueLatencyCountsEachWakeupOfTheProcess() throws Exception {
        GatedChild child = python("import time", "for i in range(20): time.sleep(0.005)");
        try (BPF bpf = BPF.builder(RunQueueLatency.class).constant("targetPid", (int) child.pid()).loadAndAttach()) {
            work(child);
            BpfMap<Integer, Long> micros = bpf.map(RunQueueLatency.micros);
            long total = 0;
            for (Map.Entry<Integer, Long> e : micros.entries()) total += e.getValue();
            // twenty sleeps' wakeups, and the one that let it go (its read of stdin); none other in a single thread
            assertTrue(total == 21 || total == 20, "wakeups counted: " + total + " " + micros.entries());
            long slow = 0;
            for (Map.Entry<Integer, Long> e : micros.entries()) if (e.getKey() >= 20) slow += e.getValue();
            assertEquals(0, slow, "no wakeup waited a second or more for a CPU: " + micros.entries());
        } finally {
            child.finish();
        }
    }

    @Test void connectLatencyIsCountedPerDestination() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             ServerSocket other = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = server.getLocalPort(), port2 = other.getLocalPort();
            GatedChild child = python("import socket", "for p in (" + port + ", " + port + ", " + port2 + ", " + port + "):\n"
                    + "    s = socket.create_connection(('127.0.0.1', p))\n    s.close()");
            try (BPF bpf = BPF.builder(ConnectLatency.class).constant("fromPort", Math.min(port, port2)).loadAndAttach()) {
                work(child);
                Map<String, Long> counts = new HashMap<>();
                for (Map.Entry<ConnectLatency.Destination, ConnectLatency.Latency> e : bpf.map(ConnectLatency.byDestination).entries()) {
                    String to = InetAddress.getByAddress(e.getKey().address).getHostAddress() + ":" + e.getKey().port;
                    counts.put(to, e.getValue().count);
                    assertTrue(e.getValue().totalNanos > 0 && e.getValue().totalNanos < 1_000_000_000L * e.getValue().count,
                            to + " took " + e.getValue().totalNanos + " ns");
                }
                // other processes may connect to other ports meanwhile: only these two are the child's
                assertEquals(3L, counts.get("127.0.0.1:" + port), counts.toString());
                assertEquals(1L, counts.get("127.0.0.1:" + port2), counts.toString());
            } finally {
                child.finish();
            }
        }
    }

    @Test void bytesAreCountedPerProcessAndDescriptor() throws Exception {
        Path file = Files.createTempFile("jbpf-next", ".out");
        GatedChild child = python("", "os.dup2(os.open('" + file + "', os.O_WRONLY), 50)\nos.dup2(os.open('/dev/zero', os.O_RDONLY), 51)\n"
                + "for i in range(3): os.write(50, b'x' * 100)\nfor i in range(2): os.read(51, 4096)");
        try (BPF bpf = BPF.builder(FdBytes.class).constant("targetPid", (int) child.pid()).loadAndAttach()) {
            work(child);
            Map<Integer, String> byFd = new HashMap<>();
            for (Map.Entry<FdBytes.ProcessFd, FdBytes.Bytes> e : bpf.map(FdBytes.bytes).entries()) {
                assertEquals(child.pid(), e.getKey().pid);
                byFd.put(e.getKey().fd, e.getValue().read + "/" + e.getValue().written);
            }
            assertEquals("0/300", byFd.get(50), "three writes of 100 bytes: " + byFd);
            assertEquals("8192/0", byFd.get(51), "two reads of 4096 bytes: " + byFd);
        } finally {
            child.finish();
            Files.deleteIfExists(file);
        }
    }
}
