package org.jbpf.it.object;

import static org.jbpf.core.btf.BtfType.*;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.btf.Btf;
import org.jbpf.core.btf.RunningKernelBtf;
import org.jbpf.core.obj.ProgramSpec;
import org.jbpf.core.obj.ProgramSpec.CoreRelocation;
import org.jbpf.core.relo.CoreRelocator;
import org.jbpf.core.relo.TargetTypes;
import org.jbpf.testsupport.Skip;
import org.junit.jupiter.api.Test;

/**
 * CO-RE relocation against the running kernel's lazily decoded BTF gives the field offsets, sizes and type ids that
 * bpftool's dump of the same BTF shows: task_struct.pid and .tgid (also through a flavour), sk_buff.len, and the
 * struct ids.
 */
class CoreFieldOffsetsKernelTest {
    private static final int FIELD_BYTE_OFFSET = 0, FIELD_BYTE_SIZE = 1, TYPE_ID_TARGET = 7;

    /** bpftool's raw dump of a struct: its id, then each member's bit offset by name. */
    private record Dumped(int id, java.util.Map<String, Long> bitOffsets) {}

    private static Dumped dumped(String raw, String struct) {
        Matcher m = Pattern.compile("\\[(\\d+)] STRUCT '" + struct + "' size=\\d+ vlen=\\d+\\n((?:\\t.*\\n)+)").matcher(raw);
        assertTrue(m.find(), "bpftool lists struct " + struct);
        java.util.Map<String, Long> offsets = new java.util.HashMap<>();
        Matcher member = Pattern.compile("\\t'(\\w*)' type_id=\\d+ bits_offset=(\\d+)").matcher(m.group(2));
        while (member.find()) offsets.put(member.group(1), Long.parseLong(member.group(2)));
        return new Dumped(Integer.parseInt(m.group(1)), offsets);
    }

    @Test
    void offsetsAndIdsEqualBpftoolsDump() throws Exception {
        if (!Files.isReadable(RunningKernelBtf.VMLINUX)) Skip.because("kernel BTF", RunningKernelBtf.VMLINUX + " is not readable here");
        Tools.requireTool("bpftool");
        String raw = Tools.check("bpftool", "btf", "dump", "file", RunningKernelBtf.VMLINUX.toString(), "format", "raw");
        Dumped task = dumped(raw, "task_struct"), skb = dumped(raw, "sk_buff");

        // the probe's own view of the two structs, as a compiler would describe them
        Btf local = new Btf();
        int i32 = local.add(new IntType("int", 4, INT_SIGNED));
        int u32 = local.add(new IntType("unsigned int", 4, 0));
        int lTask = local.add(new Struct("task_struct", 8, List.of(new Member("pid", i32, 0), new Member("tgid", i32, 32))));
        int lFlavour = local.add(new Struct("task_struct___probe", 4, List.of(new Member("tgid", i32, 0))));
        int lSkb = local.add(new Struct("sk_buff", 4, List.of(new Member("len", u32, 0))));

        List<Insn> insns = new ArrayList<>();
        List<CoreRelocation> relos = new ArrayList<>();
        Object[] asks = {
            0, lTask, "0:0", FIELD_BYTE_OFFSET,     // task_struct.pid
            4, lTask, "0:1", FIELD_BYTE_OFFSET,     // task_struct.tgid
            0, lFlavour, "0:0", FIELD_BYTE_OFFSET,  // task_struct___probe.tgid is the kernel's task_struct.tgid
            0, lSkb, "0:0", FIELD_BYTE_OFFSET,      // sk_buff.len
            4, lSkb, "0:0", FIELD_BYTE_SIZE,        // an unsigned int
            lTask, lTask, "0", TYPE_ID_TARGET,
            lSkb, lSkb, "0", TYPE_ID_TARGET,
        };
        for (int i = 0; i < asks.length; i += 4) {
            insns.add(Insn.mov64Imm(1, (int) asks[i]));
            relos.add(new CoreRelocation(insns.size() - 1, (int) asks[i + 1], (String) asks[i + 2], (int) asks[i + 3]));
        }
        CoreRelocator relocator = new CoreRelocator(new TargetTypes(RunningKernelBtf.get()));
        List<Long> values = relocator.relocate(new ProgramSpec("probe", "tracepoint/sched/sched_switch", insns, List.of(), relos), local)
                .stream().map(Insn::imm).toList();
        assertEquals(List.of(task.bitOffsets().get("pid") / 8, task.bitOffsets().get("tgid") / 8, task.bitOffsets().get("tgid") / 8,
                skb.bitOffsets().get("len") / 8, 4L, (long) task.id(), (long) skb.id()), values);
    }
}
