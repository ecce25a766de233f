package org.jbpf.it.loader;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jbpf.BPF;
import org.jbpf.runtime.BpfMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PinAndLifecycleTest {

    @BeforeEach
    void kernel() { Kernel.require(); }

    @Test
    void pinnedMapIsReadableByBpftoolAndReopenable() throws Exception {
        Path pin = Path.of("/sys/fs/bpf/jbpf_it_" + Kernel.pid() + "_counts");
        BpfMap.unpin(pin);
        try (BPF bpf = BPF.load(Programs.counter("tracepoint/syscalls/sys_enter_getppid", List.of())).attachAll()) {
            BpfMap<Integer, Long> counts = bpf.map("counts", Integer.class, Long.class);
            for (int i = 0; i < 3; i++) Kernel.getppid();
            counts.put(0x01020304, 0x0a0b0c0dL);
            counts.pin(pin);
            assertTrue(Files.exists(pin));
        }
        try {
            String dump = run("bpftool", "map", "dump", "pinned", pin.toString());
            assertTrue(dump.contains("key: 04 03 02 01  value: 0d 0c 0b 0a 00 00 00 00"), dump);
            assertTrue(dump.contains("value: 03 00 00 00 00 00 00 00"), dump);
            assertTrue(dump.contains("Found 2 elements"), dump);
            try (BpfMap<Integer, Long> reopened = BPF.openPinnedMap(pin, Integer.class, Long.class)) {
                assertEquals("counts", reopened.name());
                assertEquals(0x0a0b0c0dL, reopened.get(0x01020304));
                assertEquals(3L, reopened.get(Kernel.pid()));
                reopened.unpin(pin);
            }
            assertFalse(Files.exists(pin));
        } finally {
            BpfMap.unpin(pin);
        }
    }

    @Test
    void thousandLoadAttachCloseCyclesLeaveNoFds() throws IOException {
        // warm up JNA and the class loaders so their own fds are open before counting
        try (BPF bpf = BPF.load(Programs.counter("tracepoint/syscalls/sys_enter_getppid", List.of())).attachAll()) {
            Kernel.getppid();
        }
        long before = openFds(true), plainBefore = openFds(false);
        for (int i = 0; i < 1000; i++) {
            BPF bpf = BPF.load(Programs.counter("tracepoint/syscalls/sys_enter_getppid", List.of())).attachAll();
            if (i % 100 == 0) {
                Kernel.getppid();
                assertEquals(1L, bpf.map("counts", Integer.class, Long.class).get(Kernel.pid()));
            }
            bpf.close();
            bpf.close();  // idempotent
        }
        assertEquals(before, openFds(true), "BPF and perf fds open in /proc/self/fd before and after 1000 cycles");
        // plain files the JVM itself opens or closes meanwhile (jars, channels it collects) may differ by a few; a leak
        // of one per cycle would be a thousand
        long plainAfter = openFds(false);
        assertTrue(plainAfter - plainBefore <= 4, "plain fds before " + plainBefore + ", after " + plainAfter);
    }

    @Test
    void closedBpfStopsTheProgramAndItsMaps() {
        BPF bpf = BPF.load(Programs.counter("tracepoint/syscalls/sys_enter_getppid", List.of())).attachAll();
        BpfMap<Integer, Long> counts = bpf.map("counts", Integer.class, Long.class);
        Kernel.getppid();
        assertEquals(1L, counts.get(Kernel.pid()));
        bpf.close();
        var e = assertThrows(IllegalStateException.class, () -> counts.get(Kernel.pid()));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
    }

    /** Open fds that are kernel objects (anon inodes: BPF maps, programs, links, perf events), or all others. */
    private static long openFds(boolean anonInodes) throws IOException {
        long n = 0;
        try (var s = Files.list(Path.of("/proc/self/fd"))) {
            for (Path p : s.toList()) {
                String target;
                try {
                    target = Files.readSymbolicLink(p).toString();
                } catch (IOException e) {
                    continue;  // the fd of the listing itself, closed by now
                }
                if (target.startsWith("anon_inode:") == anonInodes) n++;
            }
        }
        return n;
    }

    private static String run(String... cmd) throws Exception {
        return org.jbpf.testsupport.Tools.check(cmd);
    }
}
