package org.jbpf.it.firstprobes;

import static org.jbpf.it.Workloads.comm;
import static org.jbpf.it.Workloads.python;
import static org.jbpf.it.Workloads.row;
import static org.jbpf.it.Workloads.starting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.jbpf.it.Workloads;
import org.jbpf.testsupport.GatedChild;
import org.junit.jupiter.api.Test;

/**
 * The same first probes run as the README's command line runs them, {@code bin/jbpf run -cp classes Probe}: what a
 * user reads is checked against what the Python child did, records field by field with their text and addresses,
 * maps as rows, stacks with their functions named.
 */
class FirstProbesCliKernelTest {
    /** {@code bin/jbpf run} of the first probe {@code probe} (a class of this package), as {@link Workloads#run} runs it. */
    private static List<String> run(GatedChild child, String probe, String... args) throws Exception {
        return Workloads.run(child, null, FirstProbesCliKernelTest.class.getPackageName() + "." + probe, args);
    }

    private static List<String> run(GatedChild child, List<String> errors, String probe, String... args) throws Exception {
        return Workloads.run(child, errors, FirstProbesCliKernelTest.class.getPackageName() + "." + probe, args);
    }

    @Test void execSnoop() throws Exception {
        GatedChild child = python("import subprocess", "subprocess.run(['/bin/true'])");
        long pid = child.pid();
        List<String> events = starting(run(child, "ExecSnoop", "-d", "2s"), "event execs: ");
        assertTrue(events.stream().anyMatch(l -> l.matches("event execs: \\{pid=\\d+, ppid=" + pid + ", comm=true, filename=/bin/true}")),
                String.join("\n", events));
    }

    @Test void openSnoop() throws Exception {
        GatedChild child = python("", "open('/etc/hostname').close()");
        long pid = child.pid();
        List<String> events = starting(run(child, "OpenSnoop", "--const", "targetPid=" + pid, "-d", "2s"), "event ");
        assertEquals(1, events.size(), String.join("\n", events));
        assertTrue(events.get(0).matches("event opens: \\{pid=" + pid + ", flags=524288, result=\\d+, filename=/etc/hostname}"), events.get(0));
    }

    @Test void sysCount() throws Exception {
        GatedChild child = python("", "for i in range(7): os.getppid()");
        List<String> lines = run(child, "SysCount", "--const", "targetPid=" + child.pid(), "-d", "2s");
        List<String> bySyscall = lines.subList(lines.indexOf("map bySyscall (hash, " + entries(lines, "bySyscall") + " entries)"), lines.size());
        assertEquals(7, row(bySyscall, "getppid"), "@Syscall keys print by name:\n" + String.join("\n", lines));
        assertEquals(-1, row(bySyscall, FirstProbesKernelTest.SYS_GETPPID), "not by number");
    }

    @Test void readLatencyDrawsAHistogramPerProcess() throws Exception {
        GatedChild child = python("import threading",
                "r, w = os.pipe()\nfor i in range(3):\n    os.write(w, b'x')\n    os.read(r, 1)\n"
                + "threading.Timer(0.2, lambda: os.write(w, b'y')).start()\nos.read(r, 1)");
        long pid = child.pid();
        List<String> lines = run(child, "ReadLatency", "--const", "targetPid=" + pid, "-d", "2s");
        int title = lines.indexOf("map latency (hash, 1 entries, histograms per key)");
        assertTrue(title > 0, String.join("\n", lines));
        assertEquals(List.of(pid + ": {count=4}", "buckets:"), lines.subList(title + 1, title + 3));
        List<String> rows = Workloads.chartRows(lines, title + 3);
        String last = rows.get(rows.size() - 1);
        assertEquals(4, Workloads.chartTotal(rows), "the rows count the four reads");
        assertTrue(last.matches("\\[(128K|256K|512K|\\d+M), \\d+[KM]\\) +1 .*"), "the read that waited 200 ms is the last row: " + last);
    }

    @Test void signalTrace() throws Exception {
        GatedChild child = python("import signal", "signal.signal(signal.SIGUSR1, lambda *a: None)\nos.kill(os.getpid(), signal.SIGUSR1)");
        long pid = child.pid();
        String comm = comm(pid);
        List<String> events = starting(run(child, "SignalTrace", "--const", "targetPid=" + pid, "-d", "2s"), "event ");
        assertEquals(List.of("event signals: {sender=" + pid + ", target=" + pid + ", signal=10, result=0, targetComm=" + comm + "}"), events);
    }

    @Test void lifetimes() throws Exception {
        GatedChild child = python("import time", "p = os.fork()\nif p == 0:\n    time.sleep(0.1)\n    os._exit(0)\nos.waitpid(p, 0)");
        long pid = child.pid();
        String comm = comm(pid);
        List<String> events = starting(run(child, "Lifetimes", "--const", "parentPid=" + pid, "-d", "2s"), "event ");
        assertEquals(1, events.size(), String.join("\n", events));
        assertTrue(events.get(0).matches("event lives: \\{pid=\\d+, parent=" + pid + ", nanos=\\d{9,}, comm=" + comm + "}"), events.get(0));
    }

    @Test void socketStatesPrintAddressesAsText() throws Exception {
        int port = FirstProbesKernelTest.freePort();
        GatedChild child = python("import socket", FirstProbesKernelTest.connects(port));
        List<String> events = starting(run(child, "SocketStates", "--const", "port=" + port, "-d", "2s"), "event ");
        String synSentToEstablished = "event changes: {oldState=SYN_SENT, newState=ESTABLISHED, ";
        List<String> connects = events.stream().filter(l -> l.startsWith(synSentToEstablished)).map(l -> l.replaceAll("sourcePort=\\d+", "sourcePort=N")).toList();
        assertEquals(List.of(
                synSentToEstablished + "family=2, sourcePort=N, destinationPort=" + port + ", source=127.0.0.1, destination=127.0.0.1, "
                        + "source6=::ffff:127.0.0.1, destination6=::ffff:127.0.0.1}",
                synSentToEstablished + "family=10, sourcePort=N, destinationPort=" + port + ", source=0.0.0.0, destination=0.0.0.0, "
                        + "source6=::1, destination6=::1}"), connects, String.join("\n", events));
    }

    /** Every row is printed ({@code --top}): other processes may write more than the child and push it out of the top. */
    @Test void topWriters() throws Exception {
        GatedChild child = python("", "fd = os.open('/dev/null', os.O_WRONLY)\nos.write(fd, b'x' * 1000)\nos.write(fd, b'y' * 234)");
        assertEquals(1234 + "done\n".length(), row(run(child, "TopWriters", "-d", "2s", "--top", "100000"), child.pid()));
    }

    @Test void pageFaults() throws Exception {
        GatedChild child = python("import mmap", "m = mmap.mmap(-1, 4096 * 4096)\nfor i in range(0, 4096 * 4096, 4096): m[i] = 1");
        long faults = row(run(child, "PageFaults", "-d", "2s", "--top", "100000"), child.pid());
        assertTrue(faults >= 4096, "a fault per touched page: " + faults);
    }

    @Test void perCpuCounter() throws Exception {
        GatedChild child = python("", "for i in range(9): os.getppid()");
        List<String> lines = run(child, "CpuCounter", "--const", "targetPid=" + child.pid(), "-d", "2s");
        assertEquals(9, row(lines, 0), String.join("\n", lines));
    }

    @Test void stackSamplerNamesFrames() throws Exception {
        GatedChild child = python("", "def spin(n):\n    x = 0\n    for i in range(n): x += i\n    return x\nspin(30_000_000)");
        long pid = child.pid();
        List<String> lines = run(child, "StackSampler", "--const", "targetPid=" + pid, "-d", "3s");
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("{pid=" + pid + ", stack=")), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.trim().startsWith("_PyEval_EvalFrameDefault+0x")), String.join("\n", lines));
    }

    /**
     * run says where printk lines go, and when tracing is off that the kernel keeps none; with tracing on, the child's
     * three calls are three lines of the trace buffer. (The machine's tracing switch is left as it is.)
     */
    @Test void hello() throws Exception {
        GatedChild child = python("", "for i in range(3): os.getppid()");
        boolean tracing = !Files.readString(Workloads.tracingOn()).trim().equals("0");
        List<String> errors = new ArrayList<>();
        run(child, errors, "Hello", "--const", "targetPid=" + child.pid(), "-d", "2s");
        assertTrue(errors.contains("jbpf: Hello writes printk lines to the kernel's trace buffer, which run does not print; read them "
                + "with: jbpf trace (or cat " + Workloads.tracingOn().resolveSibling("trace_pipe") + ")"), String.join("\n", errors));
        boolean warned = errors.stream().anyMatch(l -> l.startsWith("jbpf: tracing is off (" + Workloads.tracingOn() + " is 0)"));
        assertEquals(!tracing, warned, "the tracing-off warning exactly when tracing is off: " + errors);
        if (tracing) assertEquals(3, Workloads.traceLines("hello from pid " + child.pid()));
    }

    /** The entry count in map {@code name}'s title line. */
    private static String entries(List<String> lines, String name) {
        for (String l : lines) if (l.startsWith("map " + name + " (")) return l.replaceAll(".*, (\\d+) entries\\)", "$1");
        throw new AssertionError("no map " + name + " in:\n" + String.join("\n", lines));
    }
}
