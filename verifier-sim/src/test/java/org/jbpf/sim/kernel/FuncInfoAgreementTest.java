package org.jbpf.sim.kernel;

import static org.jbpf.core.asm.Insn.*;
import static org.jbpf.core.asm.Opcodes.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.btf.Btf;
import org.jbpf.core.btf.BtfType;
import org.jbpf.core.btf.BtfWriter;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.ProgramSpec;
import org.jbpf.sim.Verifier;
import org.jbpf.sim.VerifierResult;
import org.junit.jupiter.api.Test;

/**
 * Programs with BPF functions and bpf_loop callbacks, each with its BTF function records (func_info) intact, missing
 * or corrupted (too few, too many, first not at 0, out of order, off a function's start, naming a type that is no
 * FUNC, a global callback), loaded into the running kernel with exactly those records and checked by the
 * simulation: both must give the same verdict, for the same reason.
 */
class FuncInfoAgreementTest {
    private static final String SECTION = "tracepoint/syscalls/sys_enter_read";

    /** The object's BTF and the ids of the types the records name. */
    private static final Btf BTF = new Btf();
    private static final int NUMBER = BTF.add(new BtfType.IntType("long", 8, 1, 0, 64)), POINTER = BTF.add(new BtfType.Ptr(0));
    private static final int MAIN_PROTO = BTF.add(new BtfType.FuncProto(NUMBER, List.of(new BtfType.Param("ctx", POINTER))));
    private static final int MAIN = BTF.add(new BtfType.Func("prog", MAIN_PROTO, BtfType.LINKAGE_GLOBAL));
    private static final int MAIN_STATIC = BTF.add(new BtfType.Func("prog_static", MAIN_PROTO, BtfType.LINKAGE_STATIC));
    private static final int F_PROTO = BTF.add(new BtfType.FuncProto(NUMBER, List.of(new BtfType.Param("a", NUMBER))));
    private static final int F = BTF.add(new BtfType.Func("f", F_PROTO, BtfType.LINKAGE_STATIC));
    private static final int G = BTF.add(new BtfType.Func("g", F_PROTO, BtfType.LINKAGE_GLOBAL));
    private static final int CB_PROTO = BTF.add(new BtfType.FuncProto(NUMBER,
            List.of(new BtfType.Param("i", NUMBER), new BtfType.Param("c", POINTER))));
    private static final int CB = BTF.add(new BtfType.Func("cb", CB_PROTO, BtfType.LINKAGE_STATIC));
    private static final int CB_GLOBAL = BTF.add(new BtfType.Func("cb_global", CB_PROTO, BtfType.LINKAGE_GLOBAL));

    /** main: r1 = 1; call f; r0 = 0; exit. f (slot 4): r0 = r1; exit. */
    static final List<Insn> ONE_CALL = List.of(mov64Imm(R1, 1), new Insn(JMP | CALL, 0, PSEUDO_CALL, 0, 2), mov64Imm(R0, 0), exit(),
            mov64Reg(R0, R1), exit());
    /** main calls f (slot 4), f calls h (slot 7). */
    static final List<Insn> TWO_CALLS = List.of(mov64Imm(R1, 1), new Insn(JMP | CALL, 0, PSEUDO_CALL, 0, 2), mov64Imm(R0, 0), exit(),
            new Insn(JMP | CALL, 0, PSEUDO_CALL, 0, 2), mov64Imm(R0, 0), exit(), mov64Reg(R0, R1), exit());
    /** main: bpf_loop(2, cb, null, 0); r0 = 0; exit. cb (slot 8): r0 = 0; exit. */
    static final List<Insn> LOOP = List.of(mov64Imm(R1, 2), Insn.ldImm64(R2, 6).withSrc(PSEUDO_FUNC), mov64Imm(R3, 0), mov64Imm(R4, 0),
            call(181), mov64Imm(R0, 0), exit(), mov64Imm(R0, 0), exit());
    static final List<Insn> PLAIN = List.of(mov64Imm(R0, 0), exit());

    /** Each case: a name, its code and the func_info records (insn_off, type id) the kernel is given. */
    static Map<String, Object[]> cases() {
        Map<String, Object[]> c = new LinkedHashMap<>();
        c.put("call without records", new Object[] {ONE_CALL, new int[] {}});
        c.put("call with its records", new Object[] {ONE_CALL, new int[] {0, MAIN, 4, F}});
        c.put("call, main static", new Object[] {ONE_CALL, new int[] {0, MAIN_STATIC, 4, F}});
        c.put("call, one record short", new Object[] {ONE_CALL, new int[] {0, MAIN}});
        c.put("call, one record more", new Object[] {ONE_CALL, new int[] {0, MAIN, 4, F, 5, F}});
        c.put("call, first record at 1", new Object[] {ONE_CALL, new int[] {1, MAIN, 4, F}});
        c.put("call, records reversed", new Object[] {ONE_CALL, new int[] {4, F, 0, MAIN}});
        c.put("call, two records at 0", new Object[] {ONE_CALL, new int[] {0, MAIN, 0, F}});
        c.put("call, record after the function's start", new Object[] {ONE_CALL, new int[] {0, MAIN, 5, F}});
        c.put("call, record before the function's start", new Object[] {ONE_CALL, new int[] {0, MAIN, 3, F}});
        c.put("call, record names a pointer", new Object[] {ONE_CALL, new int[] {0, MAIN, 4, POINTER}});
        c.put("call, record names a prototype", new Object[] {ONE_CALL, new int[] {0, MAIN, 4, F_PROTO}});
        c.put("call, record names no type", new Object[] {ONE_CALL, new int[] {0, MAIN, 4, 999}});
        c.put("call, record names void", new Object[] {ONE_CALL, new int[] {0, MAIN, 4, 0}});
        c.put("call, main's record names a pointer", new Object[] {ONE_CALL, new int[] {0, POINTER, 4, F}});
        c.put("two calls with their records", new Object[] {TWO_CALLS, new int[] {0, MAIN, 4, F, 7, F}});
        c.put("two calls, records swapped", new Object[] {TWO_CALLS, new int[] {0, MAIN, 7, F, 4, F}});
        c.put("two calls, last record off", new Object[] {TWO_CALLS, new int[] {0, MAIN, 4, F, 8, F}});
        c.put("two calls, one record short", new Object[] {TWO_CALLS, new int[] {0, MAIN, 4, F}});
        c.put("callback without records", new Object[] {LOOP, new int[] {}});
        c.put("callback with its records", new Object[] {LOOP, new int[] {0, MAIN, 8, CB}});
        c.put("callback global", new Object[] {LOOP, new int[] {0, MAIN, 8, CB_GLOBAL}});
        c.put("callback, one record short", new Object[] {LOOP, new int[] {0, MAIN}});
        c.put("callback, record off its start", new Object[] {LOOP, new int[] {0, MAIN, 7, CB}});
        c.put("callback, record names a prototype", new Object[] {LOOP, new int[] {0, MAIN, 8, CB_PROTO}});
        c.put("one function with its record", new Object[] {PLAIN, new int[] {0, MAIN}});
        c.put("one function, two records", new Object[] {PLAIN, new int[] {0, MAIN, 1, F}});
        c.put("one function, record at 1", new Object[] {PLAIN, new int[] {1, MAIN}});
        c.put("one function, record names a pointer", new Object[] {PLAIN, new int[] {0, POINTER}});
        return c;
    }

    static BpfObject object(List<Insn> code, int[] records) {
        List<ProgramSpec.FuncInfo> infos = new ArrayList<>();
        for (int i = 0; i < records.length; i += 2) infos.add(new ProgramSpec.FuncInfo(records[i], records[i + 1]));
        ProgramSpec p = new ProgramSpec("prog", SECTION, code, infos);
        return new BpfObject("funcinfo", "GPL", List.of(), List.of(p), BTF);
    }

    @Test
    void aCallbackNeedsItsRecordAndAStaticOne() {
        VerifierResult none = Verifier.verify(object(LOOP, new int[] {}), object(LOOP, new int[] {}).programs().get(0));
        assertEquals("missing btf func_info", none.errors().get(0).kernelMessage());
        assertTrue(none.errors().get(0).javaMessage().startsWith("prog insn 1: a callback"), none.errors().get(0).javaMessage());
        BpfObject global = object(LOOP, new int[] {0, MAIN, 8, CB_GLOBAL});
        assertEquals("callback function not static", Verifier.verify(global, global.programs().get(0)).errors().get(0).kernelMessage());
        // without BTF the loader passes no records, whatever the program lists
        ProgramSpec p = object(LOOP, new int[] {0, MAIN, 8, CB}).programs().get(0);
        assertEquals("missing btf func_info", Verifier.verify(new BpfObject("x", "GPL", List.of(), List.of(p), null), p).errors().get(0).kernelMessage());
    }

    @Test
    void aRecordOffItsFunctionNamesBoth() {
        BpfObject o = object(TWO_CALLS, new int[] {0, MAIN, 4, F, 8, F});
        VerifierResult r = Verifier.verify(o, o.programs().get(0));
        assertEquals("func_info BTF section doesn't match subprog layout in BPF program", r.errors().get(0).kernelMessage());
        assertEquals("prog insn 7: BTF function record 2 (func_info) is at instruction 8 but that function starts at 7",
                r.errors().get(0).javaMessage());
    }

    @Test
    void verdictsAndReasonsAgreeWithTheKernel() {
        KernelAgreementTest.assumeKernel();
        int btf = KernelBpf.loadBtf(BtfWriter.encode(BTF).bytes());
        List<String> differ = new ArrayList<>();
        int refused = 0;
        try {
            for (Map.Entry<String, Object[]> c : cases().entrySet()) {
                @SuppressWarnings("unchecked") List<Insn> code = (List<Insn>) c.getValue()[0];
                int[] records = (int[]) c.getValue()[1];
                KernelBpf.LoadResult k = KernelBpf.loadWithFuncInfo(KernelRunner.progType(SECTION), Insn.encode(code), btf, records);
                if (k.accepted()) KernelBpf.close(k.fd());
                else refused++;
                BpfObject o = object(code, records);
                VerifierResult s = Verifier.verify(o, o.programs().get(0));
                String kernel = k.accepted() ? "accepts" : "refuses: " + KernelRunner.reason(k.log());
                String sim = s.ok() ? "accepts" : "refuses: " + s.errors().get(0).kernelMessage();
                if (!kernel.equals(sim)) differ.add(c.getKey() + ": kernel " + kernel + ", simulation " + sim);
            }
        } finally {
            KernelBpf.close(btf);
        }
        assertEquals(List.of(), differ);
        assertEquals(23, refused);
    }
}
