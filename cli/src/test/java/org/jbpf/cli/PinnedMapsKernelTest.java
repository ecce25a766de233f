package org.jbpf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jbpf.BPF;
import org.jbpf.runtime.BpfMap;
import org.jbpf.testsupport.Kernel;
import org.jbpf.testsupport.Tools;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A map a clang object declares pinned by name: two loads share the map pinned at /sys/fs/bpf/NAME, and a pin of
 * another shape there (another program's map of that name) is one line naming both shapes, exit 1.
 */
class PinnedMapsKernelTest {
    @TempDir Path dir;
    /** The map's name, and so its pin: one of this JVM's own. */
    final String name = "pin" + ProcessHandle.current().pid();
    final Path pin = Path.of("/sys/fs/bpf", name);
    Path object;

    @BeforeEach void build() throws Exception {
        Kernel.require();
        Path c = dir.resolve("pinned.c");
        try (InputStream in = getClass().getResourceAsStream("/c/pinned.c")) {
            Files.write(c, in.readAllBytes());
        }
        object = dir.resolve("pinned.o");
        Tools.check(Tools.find("clang-19") != null ? "clang-19" : Tools.require("clang").toString(), "-O2", "-g", "-target", "bpf",
                "-DNAME=" + name, "-c", c.toString(), "-o", object.toString());
        Files.deleteIfExists(pin);
    }

    @AfterEach void unpin() throws Exception {
        Files.deleteIfExists(pin);
    }

    @Test void twoLoadsShareThePinnedMap() {
        try (BPF first = BPF.open(object)) {
            assertTrue(Files.exists(pin), "the first load pins its new map");
            first.map(name, Integer.class, Long.class).put(5, 42L);
            try (BPF second = BPF.open(object)) {
                BpfMap<Integer, Long> shared = second.map(name, Integer.class, Long.class);
                assertEquals(42L, shared.get(5), "the second load uses the pinned map, not a new one");
            }
        }
        try (BPF again = BPF.open(object)) {
            assertEquals(42L, again.map(name, Integer.class, Long.class).get(5), "the pin outlives the loads, as with libbpf");
        }
    }

    @Test void aPinOfAnotherShapeIsOneLine() throws Exception {
        Tools.check(Tools.require("bpftool").toString(), "map", "create", pin.toString(), "type", "array", "key", "4", "value", "8",
                "entries", "4", "name", name);
        Cli r = Cli.run("run", object.toString(), "-d", "1ms");
        assertEquals(ExitCodes.FAILED, r.status(), r.err());
        assertEquals("jbpf: " + object + ": map \"" + name + "\" is pinned at " + pin + " with another shape: the pin is array (key 4 B, value 8 B, "
                + "max_entries 4), this object declares hash (key 4 B, value 8 B, max_entries 64); remove the pin (rm " + pin
                + ") if no program uses it, or give the map another name\n", r.err());
    }
}
