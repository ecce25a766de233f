package org.jbpf.core.obj;

import static org.jbpf.core.asm.Insn.*;
import static org.jbpf.core.asm.Opcodes.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.btf.Btf;
import org.jbpf.core.btf.BtfType;
import org.jbpf.core.btf.KfuncTypes;
import org.jbpf.core.elf.Elf;
import org.jbpf.core.elf.ElfFile;
import org.junit.jupiter.api.Test;

/** Kfunc calls through an object file: written as clang writes extern __ksym calls, read back as calls by name. */
class KfuncRoundTripTest {
    static final List<Insn> PROGRAM = List.of(mov64Reg(R1, R10), alu64Imm(ADD, R1, -8), mov32Imm(R2, 0), mov32Imm(R3, 10),
            callKernel("bpf_iter_num_new"), mov64Reg(R1, R10), alu64Imm(ADD, R1, -8), callKernel("bpf_iter_num_next"),
            mov64Reg(R1, R10), alu64Imm(ADD, R1, -8), callKernel("bpf_iter_num_destroy"), mov64Imm(R0, 2), exit());

    static BpfObject object() {
        return new BpfObject("iter", "GPL", List.of(), List.of(new ProgramSpec("run", "xdp", PROGRAM, List.of())), new Btf());
    }

    @Test
    void callsReadBackByName() {
        BpfObject back = ObjectReader.read(ObjectWriter.write(object()), "iter.o");
        assertEquals(PROGRAM, back.program("run").orElseThrow().insns());
        int ksyms = back.btf().find(BtfType.KIND_DATASEC, KfuncTypes.KSYMS);
        assertTrue(ksyms > 0, "a .ksyms DATASEC");
        List<String> funcs = ((BtfType.Datasec) back.btf().type(ksyms)).vars().stream()
                .map(v -> (BtfType.Func) back.btf().type(v.type())).map(f -> f.name() + "/" + f.linkage()).toList();
        assertEquals(List.of("bpf_iter_num_new/2", "bpf_iter_num_next/2", "bpf_iter_num_destroy/2"), funcs);
        BtfType.Func next = (BtfType.Func) back.btf().type(KfuncTypes.externFunc(back.btf(), "bpf_iter_num_next"));
        BtfType.FuncProto proto = (BtfType.FuncProto) back.btf().type(next.type());
        assertEquals("it", proto.params().get(0).name());
        assertTrue(back.btf().type(proto.returnType()) instanceof BtfType.Ptr, "next returns a pointer to the number");
    }

    @Test
    void fileFormIsAnUndefinedSymbolAndARelocatedCall() {
        byte[] bytes = ObjectWriter.write(object());
        ElfFile elf = ElfFile.parse(bytes, "iter.o");
        ElfFile.Symbol next = elf.symbols().stream().filter(s -> s.name().equals("bpf_iter_num_next")).findFirst().orElseThrow();
        assertEquals(Elf.SHN_UNDEF, next.shndx());
        assertEquals(Elf.STB_GLOBAL, next.bind());
        assertEquals(Elf.STT_NOTYPE, next.type());
        ElfFile.Section rel = elf.section(".relxdp");
        List<ElfFile.Relocation> rels = elf.relocations(rel);
        assertEquals(3, rels.size());
        assertEquals(7 * 8, rels.get(1).offset(), "at the call of next");
        assertEquals(Elf.R_BPF_64_32, rels.get(1).type());
        assertEquals("bpf_iter_num_next", elf.symbol(rels.get(1).symbol(), rel, rels.get(1).offset()).name());
        Insn call = Insn.decode(java.util.Arrays.copyOfRange(elf.data(elf.section("xdp")), 56, 64)).get(0);
        assertEquals(new Insn(JMP | CALL, 0, PSEUDO_CALL, 0, -1), call);
    }
}
