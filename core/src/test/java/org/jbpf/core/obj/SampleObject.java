package org.jbpf.core.obj;

import static org.jbpf.core.asm.Opcodes.*;

import java.util.List;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.asm.SourceLine;
import org.jbpf.core.btf.Btf;
import org.jbpf.core.btf.BtfType;

/** A hand-built object: two programs (one calling a subprogram), four maps (one struct-valued), line info. */
final class SampleObject {
    private SampleObject() {}

    static final String FILE = "Counter.java";

    static SourceLine line(int n, String text) { return new SourceLine(FILE, n, 4, text); }

    static BpfObject build() {
        Btf btf = new Btf();
        int i32 = btf.add(new BtfType.IntType("int", 4, BtfType.INT_SIGNED));
        int i64 = btf.add(new BtfType.IntType("long", 8, BtfType.INT_SIGNED));
        int chars = btf.add(new BtfType.Array(i32, i32, 4));
        int event = btf.add(new BtfType.Struct("Event", 24, List.of(new BtfType.Member("pid", i32, 0),
                new BtfType.Member("count", i64, 64), new BtfType.Member("tag", chars, 128))));
        int voidPtr = btf.add(new BtfType.Ptr(0));
        int mainProto = btf.add(new BtfType.FuncProto(i32, List.of(new BtfType.Param("ctx", voidPtr))));
        int countFn = btf.add(new BtfType.Func("count_getpid", mainProto, BtfType.LINKAGE_GLOBAL));
        int recordFn = btf.add(new BtfType.Func("record_getppid", mainProto, BtfType.LINKAGE_GLOBAL));
        int subProto = btf.add(new BtfType.FuncProto(i64, List.of(new BtfType.Param("x", i64))));
        int twiceFn = btf.add(new BtfType.Func("twice", subProto, BtfType.LINKAGE_STATIC));

        List<MapSpec> maps = List.of(
                new MapSpec("counts", MapTypes.HASH, 4, 8, 128, 0, i32, i64),
                new MapSpec("events", MapTypes.LRU_HASH, 4, 24, 64, 0, i32, event),
                new MapSpec("totals", MapTypes.ARRAY, 4, 8, 2, 0x400, 0, 0, MapSpec.Pinning.BY_NAME),
                new MapSpec("ring", MapTypes.RINGBUF, 0, 0, 4096, 0, 0, 0));

        SourceLine l10 = line(10, "int key = 0;\t// a tab, as C sources have"), l11 = line(11, "counts.increment(key);"),
                l12 = line(12, "return (int) twice(1);"), l20 = line(20, "return x * 2;");
        List<Insn> count = List.of(
                Insn.storeImm(4, 10, -4, 0).withSource(l10),
                Insn.mov64Reg(2, 10).withSource(l11),
                Insn.alu64Imm(ADD, 2, -4).withSource(l11),
                Insn.ldMap(1, "counts").withSource(l11),
                Insn.call(1).withSource(l11),
                Insn.jumpImm(JEQ, 0, 0, 2).withSource(l11),
                Insn.mov64Imm(1, 1).withSource(l11),
                Insn.atomic(8, ADD, 0, 0, 1).withSource(l11),
                Insn.mov64Imm(1, 1).withSource(l12),
                Insn.callLocal("twice", 1).withSource(l12),
                Insn.exit().withSource(l12),
                Insn.mov64Reg(0, 1).withSource(l20),
                Insn.alu64Imm(MUL, 0, 2).withSource(l20),
                Insn.exit().withSource(l20));
        ProgramSpec countProg = new ProgramSpec("count_getpid", "tracepoint/syscalls/sys_enter_getpid", count,
                List.of(new ProgramSpec.FuncInfo(0, countFn), new ProgramSpec.FuncInfo(12, twiceFn)));

        SourceLine l30 = line(30, "events.put(0, e);");
        List<Insn> record = List.of(
                Insn.storeImm(4, 10, -4, 0),          // no source: the first record says so
                Insn.mov64Reg(2, 10).withSource(l30),
                Insn.alu64Imm(ADD, 2, -4).withSource(l30),
                Insn.ldMap(1, "events").withSource(l30),
                Insn.ldMap(3, "totals").withSource(l30),
                Insn.ldImm64(4, 0x1122334455667788L),
                Insn.ldMap(5, "ring").withSource(line(31, "ring.reserve();")),
                Insn.mov64Imm(0, 0).withSource(line(32, "return 0;")),
                Insn.exit().withSource(line(32, "return 0;")));
        ProgramSpec recordProg = new ProgramSpec("record_getppid", "tracepoint/syscalls/sys_enter_getppid", record,
                List.of(new ProgramSpec.FuncInfo(0, recordFn)));
        return new BpfObject("sample", "Dual BSD/GPL", maps, List.of(countProg, recordProg), btf);
    }
}
