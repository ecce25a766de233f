package org.jbpf.it.object;

import static org.jbpf.core.asm.Opcodes.*;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.asm.SourceLine;
import org.jbpf.core.btf.Btf;
import org.jbpf.core.btf.BtfType;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.MapSpec;
import org.jbpf.core.obj.MapTypes;
import org.jbpf.core.obj.ObjectWriter;
import org.jbpf.core.obj.ProgramSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Objects written by {@link ObjectWriter} load with libbpf ({@code bpftool prog loadall}) and keep their source lines. */
class BpftoolLoadTest {
    @TempDir Path tmp;

    /** A getpid counter: a hash map keyed by tgid, incremented by a static subprogram. */
    static BpfObject counter() {
        Btf btf = new Btf();
        int u32 = btf.add(new BtfType.IntType("unsigned int", 4, 0));
        int u64 = btf.add(new BtfType.IntType("unsigned long long", 8, 0));
        int i32 = btf.add(new BtfType.IntType("int", 4, BtfType.INT_SIGNED));
        int voidPtr = btf.add(new BtfType.Ptr(0));
        int mainProto = btf.add(new BtfType.FuncProto(i32, List.of(new BtfType.Param("ctx", voidPtr))));
        int mainFn = btf.add(new BtfType.Func("count_getpid", mainProto, BtfType.LINKAGE_GLOBAL));
        int subProto = btf.add(new BtfType.FuncProto(i32, List.of(new BtfType.Param("key", u32))));
        int subFn = btf.add(new BtfType.Func("increment", subProto, BtfType.LINKAGE_STATIC));

        SourceLine tgid = new SourceLine("GetpidCounter.java", 21, 8, "int tgid = (int) (Helpers.currentPidTgid() >>> 32);");
        SourceLine call = new SourceLine("GetpidCounter.java", 22, 8, "return increment(tgid);");
        SourceLine lookup = new SourceLine("GetpidCounter.java", 27, 8, "long[] slot = counts.lookup(key);");
        SourceLine bump = new SourceLine("GetpidCounter.java", 28, 12, "if (slot != null) slot[0]++; else counts.put(key, 1L);");
        SourceLine ret = new SourceLine("GetpidCounter.java", 29, 8, "return 0;");
        List<Insn> insns = List.of(
                Insn.call(14).withSource(tgid),                      // bpf_get_current_pid_tgid
                Insn.alu64Imm(RSH, 0, 32).withSource(tgid),
                Insn.mov64Reg(1, 0).withSource(call),
                Insn.callLocal("increment", 1).withSource(call),
                Insn.exit().withSource(call),
                // increment(key): r1 = key
                Insn.store(4, 10, -4, 1).withSource(lookup),
                Insn.mov64Reg(2, 10).withSource(lookup),
                Insn.alu64Imm(ADD, 2, -4).withSource(lookup),
                Insn.ldMap(1, "counts").withSource(lookup),
                Insn.call(1).withSource(lookup),                     // bpf_map_lookup_elem
                Insn.jumpImm(JEQ, 0, 0, 3).withSource(bump),
                Insn.mov64Imm(1, 1).withSource(bump),
                Insn.atomic(8, ADD, 0, 0, 1).withSource(bump),
                Insn.ja(9).withSource(bump),
                Insn.storeImm(8, 10, -16, 1).withSource(bump),
                Insn.mov64Reg(2, 10).withSource(bump),
                Insn.alu64Imm(ADD, 2, -4).withSource(bump),
                Insn.mov64Reg(3, 10).withSource(bump),
                Insn.alu64Imm(ADD, 3, -16).withSource(bump),
                Insn.ldMap(1, "counts").withSource(bump),
                Insn.mov64Imm(4, 0).withSource(bump),
                Insn.call(2).withSource(bump),                       // bpf_map_update_elem
                Insn.mov64Imm(0, 0).withSource(ret),
                Insn.exit().withSource(ret));
        ProgramSpec prog = new ProgramSpec("count_getpid", "tracepoint/syscalls/sys_enter_getpid", insns,
                List.of(new ProgramSpec.FuncInfo(0, mainFn), new ProgramSpec.FuncInfo(5, subFn)));
        MapSpec counts = new MapSpec("counts", MapTypes.HASH, 4, 8, 1024, 0, u32, u64);
        return new BpfObject("getpid_counter", "GPL", List.of(counts), List.of(prog), btf);
    }

    @Test
    void writtenObjectLoadsAndXlatedDumpShowsSourceLines() throws Exception {
        Tools.requireRoot();
        Tools.requireTool("bpftool");
        Path obj = tmp.resolve("getpid_counter.o");
        Files.write(obj, ObjectWriter.write(counter()));
        Path pins = Tools.pinDir("writer");
        try {
            Tools.check("bpftool", "prog", "loadall", obj.toString(), pins.toString());
            Path pinned = pins.resolve("count_getpid");
            assertTrue(Files.exists(pinned), "bpftool pinned the program as " + pinned);
            String xlated = Tools.check("bpftool", "prog", "dump", "xlated", "pinned", pinned.toString());
            System.out.println(xlated);
            assertTrue(xlated.contains("int count_getpid(void * ctx):"), "func_info names the entry function:\n" + xlated);
            assertTrue(xlated.contains("int increment(unsigned int key):"), "func_info names the subprogram:\n" + xlated);
            assertTrue(xlated.contains("; long[] slot = counts.lookup(key);"), "line_info text in the dump:\n" + xlated);
            assertTrue(xlated.contains("; return increment(tgid);"), xlated);
            assertTrue(xlated.matches("(?s).*r1 = map\\[id:\\d+\\].*"), "map relocation resolved to a real map:\n" + xlated);
            String linum = Tools.check("bpftool", "prog", "dump", "xlated", "pinned", pinned.toString(), "linum");
            assertTrue(linum.contains("[file:GetpidCounter.java line_num:27 line_col:8]"), linum);
        } finally {
            Tools.deleteTree(pins);
        }
    }
}
