package org.jbpf.core.relo;

import static org.jbpf.core.btf.BtfType.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.btf.Btf;
import org.jbpf.core.btf.BtfReader;
import org.jbpf.core.btf.BtfType;
import org.jbpf.core.btf.BtfWriter;
import org.jbpf.core.obj.ProgramSpec;
import org.jbpf.core.obj.ProgramSpec.CoreRelocation;
import org.junit.jupiter.api.Test;

/**
 * Relocation against another kernel's BTF, built here and passed through its byte encoding: a task_struct whose
 * fields moved, grew, and hide in an anonymous union, an enum with other values, a bitfield in another place.
 */
class CoreRelocatorTest {
    // the probe's view, as clang records it in the object
    private static final Btf LOCAL = new Btf();
    private static final int L_TASK, L_OLD, L_ENUM, L_NONE, L_ADDRESS, L_NARROW;
    static {
        int i32 = LOCAL.add(new IntType("int", 4, INT_SIGNED));
        int u32 = LOCAL.add(new IntType("unsigned int", 4, 0));
        int fwd = LOCAL.add(new Fwd("task_struct", false));
        int ptr = LOCAL.add(new Ptr(fwd));
        L_TASK = LOCAL.add(new Struct("task_struct", 32, List.of(new Member("pid", i32, 0), new Member("tgid", i32, 32),
                new Member("real_parent", ptr, 64), new Member("in_execve", u32, 128, 1), new Member("comm_len", i32, 160))));
        L_OLD = LOCAL.add(new Struct("task_struct___old", 8, List.of(new Member("state", i32, 0), new Member("tgid", i32, 32))));
        L_ENUM = LOCAL.add(new BtfType.Enum("pid_type", 4, false, List.of(new EnumValue("PIDTYPE_PID", 0),
                new EnumValue("PIDTYPE_TGID", 7), new EnumValue("PIDTYPE_GONE", 9))));
        L_NONE = LOCAL.add(new Struct("no_such_struct", 4, List.of(new Member("x", i32, 0))));
        int i64 = LOCAL.add(new IntType("long", 8, INT_SIGNED));
        // jbpf's kernel classes read a pointer to anything but a generated struct as a long, its address
        L_ADDRESS = LOCAL.add(new Struct("task_struct___address", 8, List.of(new Member("real_parent", i64, 0))));
        L_NARROW = LOCAL.add(new Struct("task_struct___narrow", 4, List.of(new Member("real_parent", i32, 0))));
    }

    // "another kernel": what a saved vmlinux BTF of it would hold, read back from bytes
    private static final Btf KERNEL;
    private static final int K_TASK;
    static {
        Btf k = new Btf();
        k.add(new IntType("char", 1, INT_CHAR));
        int i32 = k.add(new IntType("int", 4, INT_SIGNED));
        int u32 = k.add(new IntType("unsigned int", 4, 0));
        int i64 = k.add(new IntType("long", 8, INT_SIGNED));
        int pidT = k.add(new Typedef("pid_t", i32));
        int ptr = k.add(new Ptr(8)); // to task_struct, added below
        int ids = k.add(new Struct("", 8, List.of(new Member("pid", pidT, 0), new Member("cookie", i32, 32))));
        K_TASK = k.add(new Struct("task_struct", 4096, List.of(new Member("__state", i64, 0), new Member("", ids, 9600),
                new Member("tgid", i64, 9664), new Member("real_parent", ptr, 9728), new Member("in_execve", u32, 9763, 1))));
        assertEquals(8, K_TASK);
        k.add(new BtfType.Enum("pid_type", 4, false, List.of(new EnumValue("PIDTYPE_PID", 0), new EnumValue("PIDTYPE_TGID", 1))));
        KERNEL = BtfReader.read(BtfWriter.encode(k).bytes(), "other-kernel.btf").btf();
    }

    private static final CoreRelocator RELOCATOR = new CoreRelocator(KERNEL);

    private static List<Insn> relocate(List<Insn> insns, CoreRelocation... relos) {
        return RELOCATOR.relocate(new ProgramSpec("probe", "tracepoint/sched/sched_process_exec", insns, List.of(), List.of(relos)), LOCAL);
    }

    /** One {@code r1 = value} per relocation, relocated, as the list of resulting immediates. */
    private static List<Long> values(Object... localValueTypeAccessKind) {
        List<Insn> insns = new ArrayList<>();
        List<CoreRelocation> relos = new ArrayList<>();
        for (int i = 0; i < localValueTypeAccessKind.length; i += 4) {
            insns.add(Insn.mov64Imm(1, ((Number) localValueTypeAccessKind[i]).longValue()));
            relos.add(new CoreRelocation(insns.size() - 1, (int) localValueTypeAccessKind[i + 1], (String) localValueTypeAccessKind[i + 2],
                    (int) localValueTypeAccessKind[i + 3]));
        }
        return relocate(insns, relos.toArray(CoreRelocation[]::new)).stream().map(Insn::imm).toList();
    }

    @Test void fieldOffsetsFollowNamesIntoAnonymousMembersAndAcrossFlavours() {
        assertEquals(List.of(1200L, 1208L, 1216L, 1208L, 2 * 4096L + 1208L),
                values(0, L_TASK, "0:0", 0,     // pid: inside the kernel's anonymous struct at bit 9600
                        4, L_TASK, "0:1", 0,    // tgid
                        8, L_TASK, "0:2", 0,    // real_parent
                        4, L_OLD, "0:1", 0,     // task_struct___old is a flavour of task_struct
                        68, L_TASK, "2:1", 0)); // the third task of an array of them
    }

    @Test void sizesSignednessExistenceAndBitfieldShifts() {
        assertEquals(List.of(8L, 1L, 1L, 0L, 1220L, 4L, 60L, 63L, 0L),
                values(4, L_TASK, "0:1", 1,     // tgid grew to a long
                        1, L_TASK, "0:1", 3,    // and is signed
                        1, L_TASK, "0:2", 2,    // real_parent exists
                        1, L_TASK, "0:4", 2,    // comm_len does not: existence is 0, not an error
                        16, L_TASK, "0:3", 0,   // in_execve at bit 9763 is read by the 4-byte load at byte 1220
                        4, L_TASK, "0:3", 1,
                        31, L_TASK, "0:3", 4,   // 64 - (9763 + 1 - 1220 * 8): its bit 3 goes to bit 63
                        31, L_TASK, "0:3", 5,
                        1, L_TASK, "0:3", 3));  // unsigned
    }

    @Test void typesAndEnumerators() {
        assertEquals(List.of((long) K_TASK, (long) L_TASK, 1L, 4096L, 0L, 1L, 1L, 0L),
                values(L_TASK, L_TASK, "0", 7,  // target type id
                        L_TASK, L_TASK, "0", 6, // local type id stays
                        1, L_TASK, "0", 8,
                        32, L_TASK, "0", 9,     // type size
                        1, L_NONE, "0", 8,      // a struct the kernel lacks does not exist
                        7, L_ENUM, "1", 11,     // PIDTYPE_TGID is 1 there
                        1, L_ENUM, "1", 10,
                        1, L_ENUM, "2", 10));   // PIDTYPE_GONE does not exist there
    }

    @Test void memoryAccessesGetTheOffsetAndTheWidthOfTheKernelsField() {
        List<Insn> out = relocate(List.of(Insn.load(4, 2, 1, 4), Insn.ldImm64(3, 32)),
                new CoreRelocation(0, L_TASK, "0:1", 0), new CoreRelocation(1, L_TASK, "0", 9));
        assertEquals(Insn.load(8, 2, 1, 1208), out.get(0), "tgid is read as the kernel's long");
        assertEquals(4096, out.get(1).imm());
    }

    @Test void aPointerIsReadAsItsAddressByALongButNotByANarrowerNumber() {
        assertEquals(List.of(1216L, 8L), values(0, L_ADDRESS, "0:0", 0, 8, L_ADDRESS, "0:0", 1));
        CoreRelocationException e = assertThrows(CoreRelocationException.class, () -> values(0, L_NARROW, "0:0", 0));
        assertTrue(e.getMessage().endsWith("is a pointer, not int"), e.getMessage());
    }

    @Test void whatTheKernelLacksIsNamed() {
        CoreRelocationException e = assertThrows(CoreRelocationException.class, () -> values(20, L_TASK, "0:4", 0));
        assertEquals("program probe: field byte offset of struct task_struct, access 0:4 (task_struct.comm_len): the kernel's "
                + "struct task_struct has no field comm_len", e.getMessage());
        e = assertThrows(CoreRelocationException.class, () -> values(0, L_NONE, "0:0", 0));
        assertEquals("program probe: field byte offset of struct no_such_struct, access 0:0 (no_such_struct.x): the kernel has no "
                + "struct named no_such_struct", e.getMessage());
        e = assertThrows(CoreRelocationException.class, () -> values(9, L_ENUM, "2", 11));
        assertEquals("program probe: enum value of enum pid_type, access 2 (PIDTYPE_GONE): the kernel's enum pid_type has no "
                + "enumerator PIDTYPE_GONE", e.getMessage());
    }

    @Test void anInstructionThatDoesNotHoldTheLocalValueIsRefused() {
        CoreRelocationException e = assertThrows(CoreRelocationException.class, () -> values(5, L_TASK, "0:1", 0));
        assertEquals("program probe: field byte offset of struct task_struct, access 0:1 (task_struct.tgid): instruction r1 = 5 "
                + "does not hold 4, the value the object's own BTF gives; the relocation record does not fit the code", e.getMessage());
    }
}
