package org.jbpf.translator.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.jbpf.core.asm.Insn;
import org.junit.jupiter.api.Test;

/** Which functions a program links and where its calls land. */
class FunctionLinkerTest {
    private static FunctionLinker.Function function(String name, int btf, Insn... insns) {
        return new FunctionLinker.Function(name, List.of(insns), 8, btf);
    }

    @Test
    void aFunctionNoCallReachesAnyMoreIsLeftOut() {
        // the optimizer dropped the entry's call of "dropped" (a branch it decided): the kernel refuses code that never runs
        FunctionLinker.Linked linked = FunctionLinker.link(List.of(
                function("run", 1, Insn.mov64Imm(1, 5), Insn.callLocal("used", 0), Insn.exit()),
                function("dropped", 2, Insn.mov64Imm(0, 1), Insn.exit()),
                function("used", 3, Insn.callLocal("deeper", 0), Insn.exit()),
                function("deeper", 4, Insn.mov64Imm(0, 2), Insn.exit())), "P.java", 1);
        assertEquals(7, linked.insns().size(), linked.insns().toString());
        assertEquals(List.of(0, 3, 5), linked.funcInfos().stream().map(f -> f.insnOff()).toList());
        assertEquals(List.of(1, 3, 4), linked.funcInfos().stream().map(f -> f.btfFuncType()).toList());
        assertEquals(1, linked.insns().get(1).imm(), "the call lands on used, past the entry's exit");
        assertEquals(1, linked.insns().get(3).imm(), "and used's call on deeper");
    }
}
