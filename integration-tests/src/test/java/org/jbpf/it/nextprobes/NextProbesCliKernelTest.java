package org.jbpf.it.nextprobes;

import static org.jbpf.it.Workloads.CLASSES;
import static org.jbpf.it.Workloads.JBPF;
import static org.jbpf.it.Workloads.python;
import static org.jbpf.it.Workloads.starting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jbpf.BPF;
import org.jbpf.it.Workloads;
import org.jbpf.runtime.BpfMap;
import org.jbpf.testsupport.GatedChild;
import org.jbpf.testsupport.Tools;
import org.junit.jupiter.api.Test;

/**
 * The next probes as the command line runs them ({@code bin/jbpf run -cp classes Probe}, {@code maps}, {@code map
 * dump}, {@code run --serve}): what a user reads is checked against what the child did, addresses as text, maps as
 * rows and histograms, metrics as Prometheus text and as Prometheus itself stores them.
 */
class NextProbesCliKernelTest {
    private static List<String> run(GatedChild child, String probe, String... args) throws Exception {
        return Workloads.run(child, null, NextProbesCliKernelTest.class.getPackageName() + "." + probe, args);
    }

    /** The value of the sample {@code series} in Prometheus text, as a whole number. */
    private static long metric(String text, String series) {
        for (String l : text.lines().toList())
            if (l.startsWith(series + " ")) return (long) Double.parseDouble(l.substring(series.length() + 1));
        throw new AssertionError("no " + series + " in\n" + text);
    }

    @Test void libcCallsPrintEachCall() throws Exception {
        GatedChild child = python("import ctypes\nlibc = ctypes.CDLL('libc.so.6')\nlibc.labs.restype = ctypes.c_long",
                "for n in (-3, 4): libc.labs(ctypes.c_long(n))");
        long pid = child.pid();
        List<String> events = starting(run(child, "LibcCalls", "--const", "targetPid=" + pid, "-d", "2s"), "event ");
        assertEquals(List.of("event calls: {pid=" + pid + ", argument=-3, result=3}", "event calls: {pid=" + pid + ", argument=4, result=4}"), events);
    }

    @Test void connectLatencyPrintsItsDestinationsAsAddresses() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = server.getLocalPort();
            GatedChild child = python("import socket", "for i in range(2): socket.create_connection(('127.0.0.1', " + port + ")).close()");
            List<String> lines = run(child, "ConnectLatency", "--const", "fromPort=" + port, "-d", "2s");
            String row = null;
            for (String l : lines) if (l.trim().startsWith("{address=127.0.0.1, port=" + port + "}")) row = l.trim();
            assertTrue(row != null && row.matches("\\{address=127\\.0\\.0\\.1, port=" + port + "} +\\{count=2, totalNanos=\\d+}"), String.join("\n", lines));
        }
    }

    @Test void fdBytesPrintsEachDescriptorsBytes() throws Exception {
        Path file = Files.createTempFile("jbpf-next", ".out");
        try {
            GatedChild child = python("", "os.dup2(os.open('" + file + "', os.O_WRONLY), 60)\nfor i in range(5): os.write(60, b'y' * 10)");
            long pid = child.pid();
            List<String> lines = run(child, "FdBytes", "--const", "targetPid=" + pid, "-d", "2s");
            assertTrue(lines.stream().anyMatch(l -> l.trim().matches("\\{pid=" + pid + ", fd=60} +\\{read=0, written=50}")), String.join("\n", lines));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test void aTextConstantIsSetOnTheCommandLine() throws Exception {
        GatedChild child = python("", "for i in range(3): os.getppid()");
        String comm = Workloads.comm(child.pid());
        List<String> lines = run(child, "ProcessFilter", "--const", "targetComm=" + comm, "-d", "2s");
        assertEquals(3, Workloads.row(lines, child.pid()), "the child's calls, its command given as text:\n" + String.join("\n", lines));
    }

    @Test void runQueueLatencyDrawsAHistogram() throws Exception {
        GatedChild child = python("import time", "for i in range(10): time.sleep(0.005)");
        List<String> lines = run(child, "RunQueueLatency", "--const", "targetPid=" + child.pid(), "-d", "2s");
        int chart = lines.indexOf("map micros (array, log2 histogram)");
        assertTrue(chart > 0, String.join("\n", lines));
        long counted = Workloads.chartTotal(Workloads.chartRows(lines, chart + 1));
        assertTrue(counted >= 10 && counted <= 11, "ten sleeps' wakeups and the one that let it go: " + counted);
    }

    @Test void systemCallsPastTheMachinesHeadersPrintByName() throws Exception {
        // each new call with arguments it refuses (a bad descriptor or address): its tracepoint fires all the same
        GatedChild child = python("import ctypes\nlibc = ctypes.CDLL(None, use_errno=True)",
                "for n in range(451, 470):\n    if n != 453: libc.syscall(n, -1, 0, 0, 0, 0)");
        List<String> lines = run(child, "NewSyscalls", "--const", "targetPid=" + child.pid(), "-d", "2s");
        List<String> names = new ArrayList<>();
        for (String l : lines) {
            String[] cols = l.trim().split(" +");
            if (cols.length == 2 && cols[1].equals("1")) names.add(cols[0]);
        }
        names.sort(null);
        // the number each tracepoint's record carries, named by jbpf's table: so the table is this kernel's
        assertEquals(List.of("cachestat", "fchmodat2", "file_getattr", "file_setattr", "futex_requeue", "futex_wait", "futex_wake",
                "getxattrat", "listmount", "listxattrat", "lsm_get_self_attr", "lsm_list_modules", "lsm_set_self_attr", "mseal",
                "open_tree_attr", "removexattrat", "setxattrat", "statmount"), names, String.join("\n", lines));
    }

    @Test void pinnedMapsAreListedAndDumpedByASecondProcess() throws Exception {
        GatedChild child = python("", "for i in range(6): os.getppid()\nfor n in (100, 100, 3000): os.write(2, b' ' * n)");
        Path counts = Path.of("/sys/fs/bpf/jbpf-next-call-count-" + ProcessHandle.current().pid());
        Path sizes = Path.of("/sys/fs/bpf/jbpf-next-write-sizes-" + ProcessHandle.current().pid());
        try (BPF bpf = BPF.builder(CallCounter.class).constant("targetPid", (int) child.pid()).loadAndAttach()) {
            Workloads.work(child);
            bpf.map(CallCounter.callCount).pin(counts);
            bpf.map(CallCounter.writeSizes).pin(sizes);
        } finally {
            child.finish();
        }
        try {
            // the probe is gone; its maps live on in their pins
            String listed = Tools.check(JBPF.toString(), "maps");
            assertTrue(listed.lines().anyMatch(l -> l.matches(counts + " +hash +4 +8 +1024")), listed);
            List<String> dump = Tools.check(JBPF.toString(), "map", "dump", counts.toString()).lines().toList();
            assertEquals(6, Workloads.row(dump, child.pid()), String.join("\n", dump));
            // a pin given to run, as one tries first: told what it is and what reads it
            Tools.Result run = Tools.run(JBPF.toString(), "run", counts.toString());
            assertEquals(new Tools.Result(1, "jbpf: " + counts + ": a pinned BPF object, not a probe; print a pinned map with jbpf map dump "
                    + counts + "\n"), run);
            Tools.Result disasm = Tools.run(JBPF.toString(), "disasm", counts.toString());
            assertEquals(new Tools.Result(1, "jbpf: " + counts + ": a pinned BPF object, not a BPF object file (.o); read a pinned map with "
                    + "jbpf map dump " + counts + ", or from Java with BPF.openPinnedMap(path, keyClass, valueClass)\n"), disasm);
            try (BpfMap<Integer, Long> map = BPF.openPinnedMap(counts, Integer.class, Long.class)) {
                assertEquals(6L, map.get((int) child.pid()));
            }
            // the write sizes' histogram: 100, 100 and 3000 bytes (and the child's 5-byte "done\n")
            List<String> chart = Tools.check(JBPF.toString(), "map", "dump", sizes.toString()).lines().toList();
            assertTrue(chart.contains("map writeSizes (array, log2 histogram)"), String.join("\n", chart));
            assertTrue(chart.stream().anyMatch(l -> l.matches("\\[64, 128\\) +2 \\|@+ *\\|")), String.join("\n", chart));
            assertTrue(chart.stream().anyMatch(l -> l.matches("\\[2K, 4K\\) +1 \\|@+ *\\|")), String.join("\n", chart));
        } finally {
            Files.deleteIfExists(counts);
            Files.deleteIfExists(sizes);
        }
    }

    @Test void metricsAreServedAsPrometheusTextAndScrapedByPrometheus() throws Exception {
        GatedChild child = python("", "for i in range(9): os.getppid()\nfor i in range(3): os.write(2, b' ' * 100)");
        long pid = child.pid();
        List<String> cmd = List.of(JBPF.toString(), "run", "-cp", CLASSES, CallCounter.class.getName(), "--const", "targetPid=" + pid,
                "--serve", "127.0.0.1:0", "-d", "120s");
        Process jbpf = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(jbpf.getInputStream(), StandardCharsets.UTF_8))) {
            String url = null;
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (!line.startsWith("serving metrics at ")) continue;
                url = line.substring("serving metrics at ".length());
                break;   // run prints nothing more until its duration ends
            }
            assertTrue(url != null, "run says where it serves");
            child.go();
            child.await("done");
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
            String text = r.body();
            assertTrue(text.contains("# TYPE jbpf_call_counter_call_count_total counter"), text);
            assertTrue(text.lines().anyMatch(l -> l.equals("jbpf_call_counter_call_count_total{key=\"" + pid + "\"} 9.0")), text);
            assertTrue(text.contains("# TYPE jbpf_call_counter_write_sizes histogram"), text);
            // cumulative buckets: the three writes of 100 bytes are the ones between 63 and 127
            assertEquals(3, metric(text, "jbpf_call_counter_write_sizes_bucket{le=\"127.0\"}")
                    - metric(text, "jbpf_call_counter_write_sizes_bucket{le=\"63.0\"}"), text);
            if (Tools.find("prometheus") != null) assertEquals("9", PrometheusServer.scrapeOnce(URI.create(url),
                    "jbpf_call_counter_call_count_total{key=\"" + pid + "\"}"));
        } finally {
            jbpf.destroy();
            jbpf.waitFor(30, TimeUnit.SECONDS);
            child.finish();
        }
    }
}
