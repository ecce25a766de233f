package org.jbpf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jbpf.BPF;
import org.jbpf.examples.ProcessCounter;
import org.jbpf.testsupport.Kernel;
import org.jbpf.translator.Translator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code --format json}: every line of stdout parses, and the values are the map's. */
class JsonKernelTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach void needsKernel() {
        Kernel.requireTracefs();
    }

    private static List<JsonNode> lines(String out) throws Exception {
        List<JsonNode> nodes = new ArrayList<>();
        for (String l : out.split("\n")) if (!l.isBlank()) nodes.add(JSON.readTree(l));
        return nodes;
    }

    @Test void runWritesMapsAndHistogramsAsJsonLines() throws Exception {
        Cli counts = Cli.runWhileAttached(RunKernelTest.spawner("jsonspawner"), "run", "org.jbpf.cli.probes.CommCounter", "-cp",
                RunKernelTest.TEST_CLASSES, "-d", "1500ms", "--format", "json");
        Cli latency = Cli.runWhileAttached(RunKernelTest.reader(), "run", "org.jbpf.examples.ReadLatency", "-cp", CommandLineTest.EXAMPLES,
                "-d", "1s", "--format", "json");
        assertEquals(0, counts.status(), counts.err());
        assertTrue(counts.err().contains("attached 1 program(s) of CommCounter"), "status goes to stderr: " + counts.err());
        List<JsonNode> maps = lines(counts.out());
        assertEquals(1, maps.size(), counts.out());
        JsonNode m = maps.get(0);
        assertEquals("map", m.get("type").asText());
        assertEquals("execsByComm", m.get("map").asText());
        assertEquals("hash", m.get("mapType").asText());
        long spawned = 0;
        for (JsonNode e : m.get("entries"))
            if (e.get("key").get("name").asText().equals("jsonspawner")) spawned = e.get("value").asLong();
        assertTrue(spawned >= 2, "the spawner's execs under its name as a JSON string: " + counts.out());

        assertEquals(0, latency.status(), latency.err());
        List<JsonNode> nodes = lines(latency.out());
        assertEquals(2, nodes.size(), "processStats and histogram, no @Scratch start map: " + latency.out());
        JsonNode hist = nodes.stream().filter(n -> n.get("type").asText().equals("histogram")).findFirst().orElseThrow();
        assertEquals("log2", hist.get("scale").asText());
        long total = 0;
        for (JsonNode b : hist.get("buckets")) {
            long low = b.get("low").asLong(), high = b.get("high").asLong();
            assertTrue(low == 0 && high == 2 || high == 2 * low, "a power-of-two bucket: " + b);
            assertTrue(b.get("count").asLong() > 0, b.toString());
            total += b.get("count").asLong();
        }
        assertTrue(total >= 10, hist.toString());
        JsonNode stats = nodes.stream().filter(n -> n.get("map").asText().equals("processStats")).findFirst().orElseThrow();
        long pid = ProcessHandle.current().pid();
        boolean mine = false;
        for (JsonNode e : stats.get("entries"))
            if (e.get("key").asLong() == pid) mine = e.get("value").get("count").asLong() >= 10;
        assertTrue(mine, "this JVM's read count as a number field: " + stats);
    }

    @Test void ringBufferRecordsAreEventLines() throws Exception {
        Cli r = Cli.runWhileAttached(RunKernelTest.spawner("jsonevents"), "run", "org.jbpf.examples.ExecRingEvents", "-cp",
                CommandLineTest.EXAMPLES, "-d", "2s", "--format", "json");
        assertEquals(0, r.status(), r.err());
        StringBuilder hexName = new StringBuilder();
        for (byte b : "jsonevents".getBytes(java.nio.charset.StandardCharsets.US_ASCII)) hexName.append(String.format("%02x", b));
        boolean found = false;
        for (JsonNode n : lines(r.out())) {
            if (!n.get("type").asText().equals("event")) continue;
            assertEquals("events", n.get("map").asText());
            assertEquals(2 * n.get("size").asInt(), n.get("data").asText().length(), n.toString());
            boolean spawned = n.get("data").asText().contains(hexName);
            if (spawned) {
                JsonNode fields = n.get("fields");
                assertEquals("jsonevents", fields.get("comm").asText(), "the @CString field as a string: " + n);
                assertTrue(fields.get("pid").asLong() > 0 && fields.get("timestamp").asLong() > 0, n.toString());
            }
            found |= spawned;
        }
        assertTrue(found, "a record holding the spawning thread's name:\n" + r.out());
    }

    @Test void mapsAndMapDumpWriteJson() throws Exception {
        Path pin = Path.of("/sys/fs/bpf/jbpf-json-test-" + ProcessHandle.current().pid());
        try (BPF bpf = BPF.load(Translator.translate(ProcessCounter.class), ProcessCounter.class)) {
            var counts = bpf.map(ProcessCounter.processCount);
            counts.put(4242, 17L);
            counts.put(7, 3L);
            counts.pin(pin);
            Cli list = Cli.run("maps", "--format", "json");
            assertEquals(0, list.status(), list.err());
            JsonNode listed = lines(list.out()).stream().filter(n -> n.get("path").asText().equals(pin.toString())).findFirst().orElseThrow();
            assertEquals("pinned", listed.get("type").asText());
            assertEquals("hash", listed.get("mapType").asText());
            assertEquals(4, listed.get("keySize").asInt());
            assertEquals(8, listed.get("valueSize").asInt());
            assertEquals(4096, listed.get("maxEntries").asInt());
            Cli dump = Cli.run("map", "dump", pin.toString(), "--format", "json");
            assertEquals(0, dump.status(), dump.err());
            List<JsonNode> nodes = lines(dump.out());
            assertEquals(1, nodes.size(), dump.out());
            JsonNode entries = nodes.get(0).get("entries");
            assertEquals(2, entries.size(), dump.out());
            for (JsonNode e : entries) assertEquals(e.get("key").asLong() == 4242 ? 17 : 3, e.get("value").asLong(), e.toString());
        } finally {
            Files.deleteIfExists(pin);
        }
    }
}
