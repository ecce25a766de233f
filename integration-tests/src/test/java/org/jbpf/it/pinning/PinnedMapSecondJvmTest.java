package org.jbpf.it.pinning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jbpf.BPF;
import org.jbpf.examples.ProcessCounter;
import org.jbpf.it.KernelCheck;
import org.jbpf.runtime.BpfMap;
import org.junit.jupiter.api.Test;

/**
 * A map pinned by one program keeps its data after that program's BPF is closed, and a second JVM opens it from
 * bpffs and reads the same entries; bpftool sees them too.
 */
class PinnedMapSecondJvmTest {
    @Test
    void pinnedMapOutlivesItsLoaderAndIsReadByAnotherJvm() throws Exception {
        KernelCheck.require();
        Path pin = Path.of("/sys/fs/bpf/jbpf-it-pinned-" + ProcessHandle.current().pid());
        try {
            try (BPF bpf = BPF.loadAndAttach(ProcessCounter.class)) {
                BpfMap<Integer, Long> counts = bpf.map(ProcessCounter.processCount);
                counts.put(1, 10L);
                counts.put(2, 20L);
                counts.put(77, 7700L);
                counts.pin(pin);
            }
            assertTrue(Files.exists(pin), "pin survives close()");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), PinnedMapReader.class.getName(), pin.toString())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), out);
            List<String> lines = out.lines().filter(l -> l.matches("-?\\d+=-?\\d+")).toList();
            // the probe may have counted clone() calls meanwhile; our three entries must be there unchanged
            assertTrue(lines.containsAll(List.of("1=10", "2=20", "77=7700")), out);

            String json = org.jbpf.testsupport.Tools.bpftool("-j", "map", "dump", "pinned", pin.toString()).output();
            assertTrue(json.replace(" ", "").contains("\"key\":77,\"value\":7700"), "bpftool map dump: " + json);
        } finally {
            BpfMap.unpin(pin);
        }
        assertTrue(!Files.exists(pin), "unpinned");
    }
}
