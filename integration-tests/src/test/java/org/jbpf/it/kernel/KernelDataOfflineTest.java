package org.jbpf.it.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.btf.Btf;
import org.jbpf.core.btf.BtfReader;
import org.jbpf.core.btf.BtfType;
import org.jbpf.core.btf.BtfWriter;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.ProgramSpec;
import org.jbpf.core.relo.CoreRelocator;
import org.jbpf.examples.kernel.ExecSnoop;
import org.jbpf.examples.kernel.OpenSnoop;
import org.jbpf.examples.kernel.TaskStruct;
import org.jbpf.kernel.KernelField;
import org.jbpf.it.Backend;
import org.jbpf.it.kernel.probes.BtfExecParents;
import org.jbpf.it.kernel.probes.FieldChecks;
import org.jbpf.it.kernel.probes.RawExecParents;
import org.jbpf.it.kernel.probes.RawOpenat;
import org.jbpf.sim.Verifier;
import org.jbpf.sim.VerifierResult;
import org.junit.jupiter.api.Test;

/**
 * Kernel data by name without a kernel: the translator's CO-RE records relocate a Java probe against another
 * kernel's task_struct (a BTF built here and put through its byte encoding) to that kernel's offsets, and the verifier
 * simulation accepts the probes that read tracepoint records and kernel structs by name.
 */
class KernelDataOfflineTest {
    /** A kernel whose task_struct has tgid at 100, real_parent at 200 and comm at 300, and no no_such_field. */
    private static Btf otherKernel() {
        Btf b = new Btf();
        int integer = b.add(new BtfType.IntType("int", 4, BtfType.INT_SIGNED));
        int ch = b.add(new BtfType.IntType("char", 1, BtfType.INT_SIGNED));
        int comm = b.add(new BtfType.Array(ch, integer, 16));
        int pidT = b.add(new BtfType.Typedef("pid_t", integer));
        int task = b.size() + 2;
        int ptr = b.add(new BtfType.Ptr(task));
        b.add(new BtfType.Struct("task_struct", 400, List.of(
                new BtfType.Member("pid", pidT, 96 * 8), new BtfType.Member("tgid", pidT, 100 * 8),
                new BtfType.Member("real_parent", ptr, 200 * 8), new BtfType.Member("comm", comm, 300 * 8))));
        return BtfReader.read(BtfWriter.encode(b).bytes(), "other-kernel.btf").btf();
    }

    /** The constants of the instructions the program's CO-RE records name, after relocation against {@code target}. */
    private static List<Long> relocated(BpfObject obj, Btf target) {
        ProgramSpec p = obj.programs().get(0);
        List<Insn> insns = new CoreRelocator(target).relocate(p, obj.btf());
        List<Long> out = new ArrayList<>();
        for (ProgramSpec.CoreRelocation r : p.coreRelocations()) out.add(insns.get(r.insn()).imm());
        return out;
    }

    @Test
    void execSnoopGetsTheOtherKernelsOffsets() {
        BpfObject obj = Backend.DIRECT.translate(ExecSnoop.class);
        List<Integer> kinds = obj.programs().get(0).coreRelocations().stream().map(ProgramSpec.CoreRelocation::kind).toList();
        // a number: byte offset, byte size, left shift, signedness, right shift (arithmetic and logical); a pointer
        // and a char array: byte offset
        assertEquals(List.of(0, 1, 4, 3, 5, 5, 0, 0, 1, 4, 3, 5, 5, 0), kinds, "tgid, real_parent, tgid of the parent, comm");
        assertEquals(List.of(100L, 4L, 32L, 1L, 32L, 32L, 200L, 100L, 4L, 32L, 1L, 32L, 32L, 300L), relocated(obj, otherKernel()));
    }

    /** Another kernel's task_struct whose tgid (at 100) has type {@code type}. */
    private static Btf kernelWithTgid(String type, int size, int encoding) {
        Btf b = new Btf();
        int integer = b.add(new BtfType.IntType(type, size, encoding));
        int ch = b.add(new BtfType.IntType("char", 1, BtfType.INT_SIGNED));
        int comm = b.add(new BtfType.Array(ch, b.add(new BtfType.IntType("int", 4, BtfType.INT_SIGNED)), 16));
        int task = b.size() + 2;
        int ptr = b.add(new BtfType.Ptr(task));
        b.add(new BtfType.Struct("task_struct", 400, List.of(new BtfType.Member("tgid", integer, 100 * 8),
                new BtfType.Member("real_parent", ptr, 200 * 8), new BtfType.Member("comm", comm, 300 * 8))));
        return BtfReader.read(BtfWriter.encode(b).bytes(), "tgid-" + type + ".btf").btf();
    }

    @Test
    void aNumberFieldOfAnotherWidthIsReadAtTheKernelsSizeAndSignedness() {
        BpfObject obj = Backend.DIRECT.translate(ExecSnoop.class);
        // the Java reader is int; this kernel's tgid is an unsigned short: 2 bytes, shifted up 48 and back logically
        assertEquals(List.of(100L, 2L, 48L, 0L, 48L, 48L), relocated(obj, kernelWithTgid("unsigned short", 2, 0)).subList(0, 6));
        // a long: 8 bytes, no shift, arithmetic; the Java int keeps the low half
        assertEquals(List.of(100L, 8L, 0L, 1L, 0L, 0L), relocated(obj, kernelWithTgid("long", 8, BtfType.INT_SIGNED)).subList(0, 6));
    }

    @Test
    void theObjectDescribesOnlyTheFieldsReadUnderTheKernelsNames() {
        Btf btf = Backend.DIRECT.translate(ExecSnoop.class).btf();
        BtfType.Struct task = (BtfType.Struct) btf.type(btf.find(BtfType.KIND_STRUCT, "task_struct"));
        List<String> members = task.members().stream().map(m -> m.name() + "@" + m.bitOffset() / 8 + ":" + btf.sizeOf(m.type())).toList();
        List<String> want = new ArrayList<>();
        for (String m : List.of("tgid", "realParent", "comm")) {
            try {
                java.lang.reflect.Method reader = m.equals("comm") ? TaskStruct.class.getMethod(m, byte[].class) : TaskStruct.class.getMethod(m);
                KernelField f = reader.getAnnotation(KernelField.class);
                want.add(f.value() + "@" + f.offset() + ":" + (m.equals("tgid") ? 4 : m.equals("comm") ? 16 : 8));
            } catch (NoSuchMethodException e) {
                throw new AssertionError(e);
            }
        }
        want.sort(java.util.Comparator.comparingInt(w -> Integer.parseInt(w.substring(w.indexOf('@') + 1, w.indexOf(':')))));
        assertEquals(want, members, "the fields read, in offset order, at the offsets the class gives");
        List<String> tags = new ArrayList<>();
        for (BtfType t : btf.types()) if (t instanceof BtfType.DeclTag tag) tags.add(tag.name() + "#" + tag.componentIdx());
        assertEquals(List.of("java:TaskStruct.tgid()#0", "java:TaskStruct.realParent()#1", "java:TaskStruct.comm()#2"), tags);
    }

    @Test
    void existenceChecksFollowTheOtherKernel() {
        BpfObject obj = Backend.DIRECT.translate(FieldChecks.class);
        List<Integer> kinds = obj.programs().get(0).coreRelocations().stream().map(ProgramSpec.CoreRelocation::kind).toList();
        assertEquals(List.of(2, 2, 0, 1, 4, 3, 5, 5), kinds, "has no_such_field, has tgid, tgid's offset, size, shifts and signedness");
        assertEquals(List.of(0L, 1L, 100L, 4L, 32L, 1L, 32L, 32L), relocated(obj, otherKernel()));
    }

    @Test
    void theVerifierSimulationReadsTracingArgumentsOnlyThroughFieldRecords() {
        BpfObject obj = Backend.DIRECT.translate(BtfExecParents.class);
        assertTrue(Verifier.verifyAll(obj).get(0).ok(), "tp_btf task->tgid and task->real_parent->tgid");
        // the same loads without their CO-RE records: the simulation cannot tell which field they read
        ProgramSpec p = obj.programs().get(0);
        BpfObject bare = new BpfObject(obj.name(), obj.license(), obj.maps(), List.of(new ProgramSpec(p.name(), p.section(), p.insns(),
                p.funcInfos(), List.of())), obj.btf(), obj.globals());
        VerifierResult r = Verifier.verifyAll(bare).get(0);
        assertEquals("R0 load through a BTF-typed pointer without a CO-RE field record (not modelled)", r.errors().get(0).kernelMessage());
    }

    @Test
    void theVerifierSimulationAcceptsTheProbes() {
        for (Class<?> probe : List.of(OpenSnoop.class, ExecSnoop.class, FieldChecks.class, RawExecParents.class, RawOpenat.class)) {
            List<VerifierResult> results = Verifier.verifyAll(Backend.DIRECT.translate(probe));
            assertEquals(1, results.size());
            assertTrue(results.get(0).ok(), probe.getSimpleName() + ": " + results.get(0));
        }
    }
}
