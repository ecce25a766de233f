package org.jbpf.it.robust;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jbpf.BPF;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.MapSpec;
import org.jbpf.core.obj.MapTypes;
import org.jbpf.core.obj.ProgramSpec;
import org.jbpf.examples.ExecPerfEvents;
import org.jbpf.examples.ExecRingEvents;
import org.jbpf.examples.ProcessEvent;
import org.jbpf.loader.sys.BpfException;
import org.jbpf.translator.Translator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Load, attach and close leave nothing behind: fds of every kind (maps, programs, links, perf events), memory mappings
 * of ring and perf buffers, after many cycles, after loads the verifier refuses, and after a JVM that exits without
 * closing. PinAndLifecycleTest counts plain fds for a hand-made program; this adds event readers, mappings and links.
 */
class ResourceHygieneTest {
    static final int CYCLES = Integer.getInteger("jbpf.robust.cycles", 1000);

    @BeforeEach
    void kernel() { RobustKernel.require(); }

    @Test
    void thousandCyclesWithEventReadersReturnEveryFdMappingAndLink() throws Exception {
        BpfObject ring = Translator.translate(ExecRingEvents.class), perf = Translator.translate(ExecPerfEvents.class);
        cycle(ring, perf, 0);  // loads JNA and the classes first, so their own fds are open before counting
        cycle(ring, perf, 1);
        ProcessResources before = ProcessResources.now();
        int maxLinks = 0, maxPerfFds = 0, maxMappings = 0;
        long start = System.nanoTime();
        for (int i = 0; i < CYCLES; i++) {
            ProcessResources during = cycle(ring, perf, i);
            maxLinks = Math.max(maxLinks, during.count("bpf-link") - before.count("bpf-link"));
            maxPerfFds = Math.max(maxPerfFds, during.count("perf_event") - before.count("perf_event"));
            maxMappings = Math.max(maxMappings, during.bpfMappings() + during.perfMappings() - before.bpfMappings() - before.perfMappings());
        }
        ProcessResources after = ProcessResources.now();
        System.out.printf("resource hygiene: %d load/attach/read/close cycles in %d ms; while open each cycle held up to %d links, "
                + "%d perf event fds, %d buffer mappings; before: %s; after: %s%n", CYCLES, (System.nanoTime() - start) / 1_000_000,
                maxLinks, maxPerfFds, maxMappings, before, after);
        assertTrue(maxLinks + maxPerfFds > 0, "the cycles never attached anything");
        assertTrue(maxMappings > 0, "the cycles never mapped a buffer");
        ProcessResources.assertNothingLeft(before, after, "resources before and after " + CYCLES + " cycles");
    }

    /** One cycle: load and attach, open an event reader, count what is held, close twice. */
    private static ProcessResources cycle(BpfObject ring, BpfObject perf, int i) throws Exception {
        BPF bpf;
        if (i % 2 == 0) {
            bpf = BPF.load(ring, ExecRingEvents.class).attachAll();
            bpf.ringBuffer(ExecRingEvents.events, ProcessEvent.class, e -> {});
        } else {
            bpf = BPF.load(perf, ExecPerfEvents.class).attachAll();
            bpf.perfBuffer(ExecPerfEvents.events, ProcessEvent.class, (cpu, e) -> {});
        }
        ProcessResources during = ProcessResources.now();
        bpf.close();
        bpf.close();  // a second close does nothing
        return during;
    }

    @Test
    void loadsTheVerifierRefusesLeaveNothingOpen() throws Exception {
        int attempts = 200, refused = 0;
        try {
            BPF.load(rejected()).close();
        } catch (BpfException expected) {
            // warm-up
        }
        ProcessResources before = ProcessResources.now();
        for (int i = 0; i < attempts; i++) {
            try {
                BPF.load(rejected()).close();
            } catch (BpfException e) {
                refused++;
                assertTrue(e.getMessage().contains("bad_read"), e.getMessage());
            }
        }
        ProcessResources after = ProcessResources.now();
        System.out.printf("resource hygiene: %d loads refused by the verifier; before: %s; after: %s%n", refused, before, after);
        assertEquals(attempts, refused, "every load must be refused");
        ProcessResources.assertNothingLeft(before, after, "resources before and after " + attempts + " refused loads");
    }

    /** A map and a program reading through r2, which holds a number: the verifier refuses it after the map exists. */
    static BpfObject rejected() {
        List<Insn> insns = List.of(Insn.mov64Imm(2, 7), Insn.load(8, 0, 2, 0), Insn.exit());
        return new BpfObject("rejected", "GPL", List.of(new MapSpec("kept", MapTypes.HASH, 4, 8, 16, 0, 0, 0)),
                List.of(new ProgramSpec("bad_read", "tracepoint/syscalls/sys_enter_getppid", insns, List.of())), null);
    }

    @Test
    void jvmExitingWithoutCloseLeavesNoProgramOrLink() throws Exception {
        Process child = new ProcessBuilder(RobustKernel.java(), "-cp", RobustKernel.classPath(), AttachAndExit.class.getName())
                .redirectErrorStream(true).start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "child did not exit");
        assertEquals(0, child.exitValue(), out);
        List<Integer> progs = ids(out, "prog_ids"), links = ids(out, "link_ids");
        assertFalse(progs.isEmpty(), "the child reported no attached program: " + out);
        // the kernel frees programs asynchronously after the last reference goes
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<String> alive;
        do {
            alive = new ArrayList<>();
            for (int id : progs) if (bpftoolShows("prog", id)) alive.add("prog " + id);
            for (int id : links) if (bpftoolShows("link", id)) alive.add("link " + id);
            if (alive.isEmpty()) break;
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        System.out.println("resource hygiene: child JVM attached programs " + progs + " (links " + links + ") and exited without close; still in the kernel: " + alive);
        assertEquals(List.of(), alive, "programs or links of the exited child still in the kernel");
    }

    private static List<Integer> ids(String out, String key) {
        for (String line : out.split("\n"))
            if (line.startsWith(key + "=")) {
                String v = line.substring(key.length() + 1).replaceAll("[\\[\\] ]", "");
                List<Integer> ids = new ArrayList<>();
                if (!v.isEmpty()) for (String s : v.split(",")) ids.add(Integer.parseInt(s));
                return ids;
            }
        return List.of();
    }

    private static boolean bpftoolShows(String what, int id) throws Exception {
        return org.jbpf.testsupport.Tools.bpftool(what, "show", "id", String.valueOf(id)).exitCode() == 0;
    }
}
