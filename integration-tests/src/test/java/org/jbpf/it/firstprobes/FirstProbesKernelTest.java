package org.jbpf.it.firstprobes;

import static org.jbpf.it.Workloads.comm;
import static org.jbpf.it.Workloads.python;
import static org.jbpf.it.Workloads.records;
import static org.jbpf.it.Workloads.work;
import static org.jbpf.it.Workloads.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jbpf.BPF;
import org.jbpf.runtime.BpfMap;
import org.jbpf.runtime.CStrings;
import org.jbpf.it.Workloads;
import org.jbpf.testsupport.GatedChild;
import org.jbpf.toolchain.KernelSymbols;
import org.jbpf.toolchain.ProcessSymbols;
import org.jbpf.toolchain.StackTraces;
import org.junit.jupiter.api.Test;

/**
 * The probes people write first, written from README.md alone and run from Java as the README shows
 * ({@code BPF.builder(Probe.class).constant(..).loadAndAttach()}, typed maps, ring buffer readers), each against a
 * Python child that does a known thing once the probe is attached: the values are what the child did.
 */
class FirstProbesKernelTest {
    static final int SYS_GETPPID = 110, O_ACCMODE = 3, ENOENT = 2, TCP_SYN_SENT = 2, TCP_ESTABLISHED = 1;

    @Test void execSnoopSeesEachExecWithParentCommandAndFile() throws Exception {
        GatedChild child = python("import subprocess", "subprocess.run(['/bin/true'])\nsubprocess.run(['/bin/echo', 'x'], stdout=subprocess.DEVNULL)");
        try (BPF bpf = BPF.loadAndAttach(ExecSnoop.class)) {
            work(child);
            List<String> seen = new ArrayList<>();
            for (ExecSnoop.Exec e : records(bpf, ExecSnoop.execs, ExecSnoop.Exec.class, 2, e -> e.ppid == child.pid())) {
                assertTrue(e.pid > 0 && e.pid != child.pid(), "the exec'd process is a child: " + e.pid);
                seen.add(CStrings.text(e.comm) + " " + CStrings.text(e.filename));
            }
            assertEquals(List.of("true /bin/true", "echo /bin/echo"), seen);
        } finally {
            child.finish();
        }
    }

    @Test void openSnoopPairsEachOpenWithItsResult() throws Exception {
        GatedChild child = python("", "open('/etc/hostname').close()\ntry:\n    open('/nonexistent/jbpf-first')\nexcept OSError:\n    pass");
        try (BPF bpf = BPF.builder(OpenSnoop.class).constant("targetPid", (int) child.pid()).loadAndAttach()) {
            work(child);
            List<OpenSnoop.Open> opens = records(bpf, OpenSnoop.opens, OpenSnoop.Open.class, 2, o -> true);
            assertEquals(List.of("/etc/hostname", "/nonexistent/jbpf-first"), opens.stream().map(o -> CStrings.text(o.filename)).toList());
            assertTrue(opens.get(0).result >= 3, "a descriptor: " + opens.get(0).result);
            assertEquals(-ENOENT, opens.get(1).result);
            for (OpenSnoop.Open o : opens) {
                assertEquals(child.pid(), o.pid);
                assertEquals(0, o.flags & O_ACCMODE, "read-only");
                assertTrue((o.flags & 0x80000) != 0, "Python opens with O_CLOEXEC");
            }
            assertEquals(0, bpf.map(OpenSnoop.pending).size(), "each entry was taken by its exit");
        } finally {
            child.finish();
        }
    }

    @Test void sysCountCountsBySyscallAndByProcess() throws Exception {
        GatedChild child = python("", "for i in range(7): os.getppid()");
        try (BPF bpf = BPF.builder(SysCount.class).constant("targetPid", (int) child.pid()).loadAndAttach()) {
            work(child);
            assertEquals(7L, bpf.map(SysCount.bySyscall).get(SYS_GETPPID));
            long all = 0;
            for (Map.Entry<Integer, Long> e : bpf.map(SysCount.bySyscall).entries()) all += e.getValue();
            assertEquals(all, bpf.map(SysCount.byProcess).get((int) child.pid()), "the process's count is the sum of its syscalls'");
        } finally {
            child.finish();
        }
    }

    @Test void readLatencyHistogramHoldsEachRead() throws Exception {
        GatedChild child = python("import threading",
                "r, w = os.pipe()\nfor i in range(3):\n    os.write(w, b'x')\n    os.read(r, 1)\n"
                + "threading.Timer(0.2, lambda: os.write(w, b'y')).start()\nos.read(r, 1)");
        try (BPF bpf = BPF.builder(ReadLatency.class).constant("targetPid", (int) child.pid()).loadAndAttach()) {
            work(child);
            ReadLatency.Micros m = bpf.map(ReadLatency.latency).get((int) child.pid());
            assertEquals(4, m.count);
            assertEquals(4, Arrays.stream(m.buckets).sum(), "each read in one bucket");
            int slowest = 31;
            while (m.buckets[slowest] == 0) slowest--;
            assertTrue(slowest >= 17, "the read that waited 200 ms is at least 2^17 us: " + Arrays.toString(m.buckets));
        } finally {
            child.finish();
        }
    }

    @Test void signalTraceSeesTheSignalsSent() throws Exception {
        GatedChild child = python("import signal",
                "signal.signal(signal.SIGUSR1, lambda *a: None)\nsignal.signal(signal.SIGUSR2, lambda *a: None)\n"
                + "os.kill(os.getpid(), signal.SIGUSR1)\nos.kill(os.getpid(), signal.SIGUSR2)");
        int pid = (int) child.pid();
        try (BPF bpf = BPF.builder(SignalTrace.class).constant("targetPid", pid).loadAndAttach()) {
            work(child);
            List<String> seen = new ArrayList<>();
            for (SignalTrace.Signal s : records(bpf, SignalTrace.signals, SignalTrace.Signal.class, 2, s -> true))
                seen.add(s.sender + "->" + s.target + " " + s.signal + " " + s.result + " " + CStrings.text(s.targetComm));
            String who = pid + "->" + pid;
            assertEquals(List.of(who + " 10 0 " + comm(pid), who + " 12 0 " + comm(pid)), seen);
        } finally {
            child.finish();
        }
    }

    @Test void pageFaultsCountTheTouchedPages() throws Exception {
        GatedChild child = python("import mmap", "m = mmap.mmap(-1, 4096 * 4096)\nfor i in range(0, 4096 * 4096, 4096): m[i] = 1");
        try (BPF bpf = BPF.loadAndAttach(PageFaults.class)) {
            work(child);
            long faults = bpf.map(PageFaults.faults).get((int) child.pid());
            String[] stat = Files.readString(Path.of("/proc/" + child.pid() + "/stat")).replaceAll(".*\\) ", "").split(" ");
            long sinceStart = Long.parseLong(stat[7]) + Long.parseLong(stat[9]);   // minflt + majflt
            assertTrue(faults >= 4096 && faults <= sinceStart, "4096 pages touched, " + sinceStart + " faults in its life: " + faults);
        } finally {
            child.finish();
        }
    }

    @Test void lifetimesMeasureEachChildFromForkToExit() throws Exception {
        GatedChild child = python("import time", "for ms in (100, 300):\n    p = os.fork()\n    if p == 0:\n        time.sleep(ms / 1000)\n"
                + "        os._exit(0)\n    os.waitpid(p, 0)");
        int pid = (int) child.pid();
        try (BPF bpf = BPF.builder(Lifetimes.class).constant("parentPid", pid).loadAndAttach()) {
            work(child);
            List<Lifetimes.Life> lives = records(bpf, Lifetimes.lives, Lifetimes.Life.class, 2, l -> true);
            assertEquals(2, lives.size());
            assertTrue(lives.get(0).nanos >= 100_000_000L && lives.get(1).nanos >= 300_000_000L,
                    "each lived at least its sleep: " + lives.get(0).nanos + ", " + lives.get(1).nanos);
            for (Lifetimes.Life l : lives) {
                assertEquals(pid, l.parent);
                assertEquals(comm(pid), CStrings.text(l.comm), "a fork keeps its parent's command");
            }
            assertEquals(0, bpf.map(Lifetimes.born).size(), "each exit took its fork's entry");
        } finally {
            child.finish();
        }
    }

    @Test void socketStatesShowBothEndsOnIpv4AndIpv6() throws Exception {
        int port = freePort();
        GatedChild child = python("import socket", connects(port));
        try (BPF bpf = BPF.builder(SocketStates.class).constant("port", port).loadAndAttach()) {
            work(child);
            List<String> connected = new ArrayList<>();
            for (SocketStates.Change c : records(bpf, SocketStates.changes, SocketStates.Change.class, 12, c -> true)) {
                if (c.oldState != TCP_SYN_SENT || c.newState != TCP_ESTABLISHED) continue;
                assertEquals(port, c.destinationPort);
                connected.add(c.family + " " + InetAddress.getByAddress(c.source).getHostAddress() + " "
                        + InetAddress.getByAddress(c.destination).getHostAddress() + " "
                        + InetAddress.getByAddress(c.destination6).getHostAddress());
            }
            assertEquals(List.of("2 127.0.0.1 127.0.0.1 127.0.0.1", "10 0.0.0.0 0.0.0.0 0:0:0:0:0:0:0:1"), connected,
                    "a connect on IPv4, then on IPv6 (whose IPv4 fields the kernel leaves zero)");
        } finally {
            child.finish();
        }
    }

    /** Python that connects to and closes a listener on 127.0.0.1:{@code port}, then on [::1]:{@code port}. */
    static String connects(int port) {
        return "for family, host in ((socket.AF_INET, '127.0.0.1'), (socket.AF_INET6, '::1')):\n"
                + "    s = socket.socket(family)\n    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)\n"
                + "    s.bind((host, " + port + "))\n    s.listen()\n    c = socket.create_connection((host, " + port + "))\n"
                + "    a, _ = s.accept()\n    c.close()\n    a.close()\n    s.close()";
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test void topWritersSumTheBytesEachProcessWrote() throws Exception {
        GatedChild child = python("", "fd = os.open('/dev/null', os.O_WRONLY)\nos.write(fd, b'x' * 1000)\nos.write(fd, b'y' * 234)");
        try (BPF bpf = BPF.loadAndAttach(TopWriters.class)) {
            work(child);
            assertEquals(1234L + "done\n".length(), bpf.map(TopWriters.written).get((int) child.pid()), "its two writes and its done line");
        } finally {
            child.finish();
        }
    }

    @Test void perCpuCounterSumsOverTheCpus() throws Exception {
        GatedChild child = python("", "for i in range(9): os.getppid()");
        try (BPF bpf = BPF.builder(CpuCounter.class).constant("targetPid", (int) child.pid()).loadAndAttach()) {
            work(child);
            BpfMap<Integer, Long> calls = bpf.map(CpuCounter.calls);
            List<Long> perCpu = calls.getPerCpu(0);
            assertEquals(Runtime.getRuntime().availableProcessors(), perCpu.size(), "one value per CPU");
            assertEquals(9L, perCpu.stream().mapToLong(Long::longValue).sum());
            assertEquals(9L, calls.getAggregated(0));
        } finally {
            child.finish();
        }
    }

    @Test void stackSamplerNamesTheInterpretersFrames() throws Exception {
        GatedChild child = python("", "def spin(n):\n    x = 0\n    for i in range(n): x += i\n    return x\nspin(30_000_000)");
        try (BPF bpf = BPF.builder(StackSampler.class).constant("targetPid", (int) child.pid()).loadAndAttach()) {
            work(child);
            Map<Integer, long[]> stacks = StackTraces.read(bpf.map("stacks"));
            ProcessSymbols symbols = ProcessSymbols.of(child.pid());
            long samples = 0;
            boolean named = false;
            for (Map.Entry<StackSampler.Sample, Long> e : bpf.map(StackSampler.samples).entries()) {
                assertEquals(child.pid(), e.getKey().pid);
                samples += e.getValue();
                List<String> frames = StackTraces.symbolize(stacks.get(e.getKey().stack), KernelSymbols.load(), symbols);
                named |= frames.stream().anyMatch(f -> f.startsWith("_PyEval_EvalFrameDefault+"));
            }
            assertTrue(samples > 0, "the spinning process was sampled");
            assertTrue(named, "the interpreter's loop is named in some stack");
        } finally {
            child.finish();
        }
    }

    /** With tracing on (switched on for the test when it was off, and back after), one trace line per call. */
    @Test void helloWritesItsLineToTheTraceBuffer() throws Exception {
        GatedChild child = python("", "for i in range(3): os.getppid()");
        Path on = Workloads.tracingOn();
        String was = Files.readString(on).trim();
        if (was.equals("0")) Files.writeString(on, "1\n");
        try (BPF bpf = BPF.builder(Hello.class).constant("targetPid", (int) child.pid()).loadAndAttach()) {
            work(child);
            String line = "hello from pid " + child.pid();
            long[] count = new long[1];
            until(() -> (count[0] = Workloads.traceLines(line)) >= 3);
            assertEquals(3, count[0], "one line per getppid() in /sys/kernel/tracing/trace");
        } finally {
            if (was.equals("0")) Files.writeString(on, "0\n");
            child.finish();
        }
    }
}
