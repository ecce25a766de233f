package org.jbpf.it.loader;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jbpf.BPF;
import org.jbpf.loader.attach.Attacher;
import org.jbpf.loader.attach.Tracefs;
import org.jbpf.loader.sys.BpfException;
import org.jbpf.runtime.BpfMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Section names are validated before they reach the file system: a tracepoint section climbing out of tracefs with
 * ".." is refused even when the file it points at holds a real tracepoint id (which the kernel would happily attach to).
 */
class SectionValidationTest {
    private Path decoy;

    @BeforeEach
    void kernel() { Kernel.require(); }

    @AfterEach
    void removeDecoy() throws IOException {
        if (decoy == null) return;
        Files.deleteIfExists(decoy.resolve("tp/id"));
        Files.deleteIfExists(decoy.resolve("tp"));
        Files.deleteIfExists(decoy);
    }

    /** A directory {@code <decoy>/tp/id} holding the id of syscalls/sys_enter_getppid; returns the ".." path to it from events/. */
    private String decoyTracepoint() throws IOException {
        Path events = Tracefs.root().resolve("events");
        decoy = Files.createTempDirectory("jbpf-decoy");
        Files.createDirectories(decoy.resolve("tp"));
        Files.copy(events.resolve("syscalls/sys_enter_getppid/id"), decoy.resolve("tp/id"));
        return ".." + "/..".repeat(events.getNameCount() - 1) + decoy.toAbsolutePath() + "/tp";
    }

    @Test
    void traversalSectionIsRefusedAtLoadThoughItsTargetFileHoldsARealId() throws IOException {
        String climb = decoyTracepoint();
        assertTrue(Files.exists(Tracefs.root().resolve("events").resolve(climb).resolve("id")), "the decoy is reachable by that path");
        String section = "tracepoint/" + climb;
        BpfException e = assertThrows(BpfException.class, () -> BPF.load(Programs.counter(section, List.of())));
        assertEquals("program \"count_calls\": section \"" + section + "\" is not tracepoint/<category>/<name> with a category "
                + "and a name of letters, digits, '_', '-' or '.' (no empty part, no '..', no further '/'), "
                + "e.g. tracepoint/syscalls/sys_enter_openat", e.getMessage());
    }

    @Test
    void tracepointByPartsRefusesTraversalAndAttachesNothing() throws IOException {
        String climb = decoyTracepoint();
        int slash = climb.indexOf('/');
        try (BPF bpf = BPF.load(Programs.counter("tracepoint/syscalls/sys_enter_getppid", List.of()))) {
            BpfException e = assertThrows(BpfException.class,
                    () -> Attacher.tracepoint(bpf.program("count_calls"), climb.substring(0, slash), climb.substring(slash + 1)));
            assertTrue(e.getMessage().startsWith("program \"count_calls\" (tracepoint/syscalls/sys_enter_getppid): no tracepoint can "
                    + "be named by category \"..\" and name \""), e.getMessage());
            assertTrue(e.getMessage().contains("no '..'"), e.getMessage());
            assertEquals(List.of(), bpf.links());
            BpfMap<Integer, Long> counts = bpf.map("counts", Integer.class, Long.class);
            Kernel.getppid();
            assertNull(counts.get(Kernel.pid()), "the program was never attached to anything");
        }
    }

    @Test
    void bpftraceColonFormIsRefusedWithTheSlashForm() {
        BpfException e = assertThrows(BpfException.class,
                () -> BPF.load(Programs.counter("tracepoint:syscalls:sys_enter_getppid", List.of())));
        assertEquals("program \"count_calls\": section \"tracepoint:syscalls:sys_enter_getppid\" is written in bpftrace's "
                + "colon form; jbpf sections use '/', e.g. \"tracepoint/syscalls/sys_enter_getppid\"", e.getMessage());
    }

    @Test
    void bareTracepointLoadsButCannotAttachAndSaysHowToWriteIt() {
        try (BPF bpf = BPF.load(Programs.counter("tp", List.of()))) {
            assertEquals("tracepoint", bpf.program("count_calls").kind().sectionKind());
            BpfException e = assertThrows(BpfException.class, bpf::attachAll);
            assertEquals("program \"count_calls\" (tp): section \"tp\" does not say where to attach; write "
                    + "tracepoint/<category>/<name>, e.g. tracepoint/syscalls/sys_enter_openat", e.getMessage());
        }
    }

    @Test
    void aliasSectionAttachesAndCounts() {
        try (BPF bpf = BPF.load(Programs.counter("tp/syscalls/sys_enter_getppid", List.of())).attachAll()) {
            BpfMap<Integer, Long> counts = bpf.map("counts", Integer.class, Long.class);
            for (int i = 0; i < 7; i++) Kernel.getppid();
            assertEquals(7L, counts.get(Kernel.pid()));
        }
    }
}
