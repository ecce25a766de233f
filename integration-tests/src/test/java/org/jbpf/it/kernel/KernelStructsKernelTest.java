package org.jbpf.it.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jbpf.BPF;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.ObjectWriter;
import org.jbpf.events.RingBufferReader;
import org.jbpf.examples.kernel.ExecEvent;
import org.jbpf.examples.kernel.ExecSnoop;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.it.kernel.probes.FieldChecks;
import org.jbpf.it.kernel.probes.RawExecParents;
import org.jbpf.it.kernel.probes.ReadsMissingField;
import org.jbpf.it.kernel.probes.SchedWeights;
import org.jbpf.it.kernel.probes.WidthReads;
import org.jbpf.loader.ProgramInfo;
import org.jbpf.runtime.BpfMap;
import org.jbpf.testsupport.Kernel;
import org.jbpf.testsupport.Tools;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Kernel structs read by name from Java on the running kernel: execsnoop's parent pids through task_struct's
 * real_parent (on both backends), existence checks that branch, a relocated wrong offset, a missing field named at load, and bpftool
 * (libbpf) relocating jbpf's object to the same code as jbpf's own loader.
 */
class KernelStructsKernelTest {
    @TempDir Path tmp;

    @BeforeEach
    void kernel() { KernelCheck.require(); }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void execSnoopReportsTheRealParentOfSpawnedChildrenAndGrandchildren(Backend backend) throws Exception {
        Map<Integer, ExecEvent> byPid = new ConcurrentHashMap<>();
        try (BPF bpf = backend.loadAndAttach(ExecSnoop.class);
             RingBufferReader<ExecEvent> reader = bpf.ringBuffer(ExecSnoop.events, ExecEvent.class, e -> byPid.put(e.pid, e))) {
            int me = (int) ProcessHandle.current().pid();
            List<Integer> children = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Process p = new ProcessBuilder("/bin/true").start();
                assertEquals(0, p.waitFor());
                children.add((int) p.pid());
            }
            Process sh = new ProcessBuilder("/bin/sh", "-c", "/bin/true & echo $!; wait").start();
            int grandchild = Integer.parseInt(new String(sh.getInputStream().readAllBytes()).trim());
            assertEquals(0, sh.waitFor());
            int shell = (int) sh.pid();
            long deadline = System.nanoTime() + 10_000_000_000L;
            List<Integer> all = new ArrayList<>(children);
            all.add(shell);
            all.add(grandchild);
            while (!byPid.keySet().containsAll(all) && System.nanoTime() < deadline) reader.poll(100);
            for (int child : children) {
                assertEquals(me, byPid.get(child).ppid, "parent of child " + child);
                assertEquals("true", text(byPid.get(child).comm));
            }
            assertEquals(me, byPid.get(shell).ppid, "parent of sh");
            assertEquals("sh", text(byPid.get(shell).comm));
            assertEquals(shell, byPid.get(grandchild).ppid, "parent of sh's child " + grandchild);
        }
    }

    @Test
    void aRawTracepointsTaskArgumentIsReadThroughTheSameClass() throws Exception {
        try (BPF bpf = Backend.DIRECT.loadAndAttach(RawExecParents.class)) {
            BpfMap<Integer, Integer> parents = bpf.map(RawExecParents.parents);
            int me = (int) ProcessHandle.current().pid();
            for (int i = 0; i < 3; i++) {
                Process p = new ProcessBuilder("/bin/true").start();
                assertEquals(0, p.waitFor());
                assertEquals(me, parents.get((int) p.pid()), "parent of " + p.pid());
            }
        }
    }

    @Test
    void existenceChecksBranchAndAWrongOffsetIsMovedToTheKernels() throws Exception {
        try (BPF bpf = Backend.DIRECT.loadAndAttach(FieldChecks.class)) {
            BpfMap<Integer, Long> seen = bpf.map(FieldChecks.seen);
            for (int i = 0; i < 3; i++) assertEquals(0, new ProcessBuilder("/bin/true").start().waitFor());
            assertEquals(0L, seen.get(0), "execs that saw task_struct.no_such_field");
            assertTrue(seen.get(1) >= 3, "execs that saw it missing: " + seen.get(1));
            assertEquals(1L, seen.get(2), "task_struct.tgid exists");
            assertEquals(1L, seen.get(3), "tgid read at the relocated offset equals bpf_get_current_pid_tgid's");
        }
    }

    @Test
    void aFieldTheKernelLacksIsNamedWithTheJavaLineAndTheKernelType() {
        BpfObject obj = Backend.DIRECT.translate(ReadsMissingField.class);
        String m = assertThrows(RuntimeException.class, () -> BPF.load(obj, ReadsMissingField.class).close()).getMessage();
        assertEquals("ReadsMissingField.java:15: program onExec: field byte offset of struct task_struct, access 0:0 "
                + "(task_struct.no_such_field): the kernel's struct task_struct has no field no_such_field (read by OddTask.noSuchField())", m);
    }

    @Test
    void bpftoolRelocatesJbpfsObjectToTheSameCodeAsJbpfsLoader() throws Exception {
        Tools.require("bpftool");
        Kernel.requireBpffs();
        for (Class<?> probe : List.of(FieldChecks.class, ExecSnoop.class, WidthReads.class, SchedWeights.class, org.jbpf.it.tools.HardIrqs.class)) {
            BpfObject obj = Backend.DIRECT.translate(probe);
            Path o = tmp.resolve(probe.getSimpleName() + ".o");
            Files.write(o, ObjectWriter.write(obj));
            Path pins = Path.of("/sys/fs/bpf/jbpf-core-" + probe.getSimpleName() + "-" + ProcessHandle.current().pid());
            try (BPF bpf = BPF.load(obj, probe)) {
                Tools.check("bpftool", "prog", "loadall", o.toString(), pins.toString());
                String ours = "";
                for (var program : obj.programs()) { // tp_btf's too: libbpf finds its attach id by the section's name
                    String theirs = Tools.check("bpftool", "prog", "dump", "xlated", "pinned", pins.resolve(program.name()).toString());
                    ours = Tools.check("bpftool", "prog", "dump", "xlated", "id", Integer.toString(ProgramInfo.of(bpf.program(program.name()).fd()).id()));
                    assertEquals(withoutMapIds(theirs), withoutMapIds(ours), probe.getSimpleName() + "." + program.name());
                }
                if (probe == FieldChecks.class) assertTrue(!ours.contains("r3 = 4\n"), "the wrong tgid offset 4 was relocated:\n" + ours);
            } finally {
                Tools.run("rm", "-rf", pins.toString());
            }
        }
    }

    private static String withoutMapIds(String xlated) { return xlated.replaceAll("map\\[id:\\d+]", "map[id:N]"); }

    private static String text(byte[] b) {
        int n = 0;
        while (n < b.length && b[n] != 0) n++;
        return new String(b, 0, n, StandardCharsets.UTF_8);
    }
}
