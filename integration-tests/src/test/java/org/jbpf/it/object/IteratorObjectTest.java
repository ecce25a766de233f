package org.jbpf.it.object;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.jbpf.BPF;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.asm.Opcodes;
import org.jbpf.core.btf.BtfType;
import org.jbpf.core.btf.KfuncTypes;
import org.jbpf.core.elf.Elf;
import org.jbpf.core.elf.ElfFile;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.ObjectReader;
import org.jbpf.core.obj.ObjectWriter;
import org.jbpf.core.obj.ProgramSpec;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.it.semantics.NumberLoops;
import org.jbpf.runtime.BpfMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Objects whose programs call the numeric iterator kfuncs as files: jbpf writes the calls as clang does for
 * {@code extern __ksym} functions (undefined symbols, R_BPF_64_32 relocations, extern BTF FUNCs in {@code .ksyms}),
 * libbpf ({@code bpftool prog loadall}) loads jbpf's object, and jbpf's reader and loader take clang's object and
 * jbpf's own back, resolving the kfuncs against the running kernel.
 */
class IteratorObjectTest {
    static final List<String> KFUNCS = List.of("bpf_iter_num_destroy", "bpf_iter_num_new", "bpf_iter_num_next");

    @TempDir Path tmp;

    /** The C twin ({@code object/iter_sum.c}) built by clang-19 when it is installed, else by clang. */
    private Path clangObject() throws Exception {
        String clang = org.jbpf.testsupport.Tools.find("clang-19") != null ? "clang-19" : "clang";
        Tools.requireTool(clang);
        Path c = tmp.resolve("iter_sum.c"), o = tmp.resolve("iter_sum.o");
        try (InputStream in = getClass().getResourceAsStream("/object/iter_sum.c")) {
            assertNotNull(in, "test resource object/iter_sum.c");
            Files.write(c, in.readAllBytes());
        }
        Tools.check(clang, "-O2", "-g", "-target", "bpf", "-c", c.toString(), "-o", o.toString());
        return o;
    }

    /** How an object calls kfuncs: its undefined symbols, the instructions relocated against them, its .ksyms entries. */
    record KfuncForm(TreeSet<String> undefinedSymbols, List<String> relocatedCalls, TreeSet<String> ksyms) {}

    static KfuncForm formOf(byte[] bytes) {
        ElfFile elf = ElfFile.parse(bytes, "object");
        TreeSet<String> undefined = new TreeSet<>();
        for (ElfFile.Symbol s : elf.symbols())
            if (s.shndx() == Elf.SHN_UNDEF && !s.name().isEmpty()) undefined.add(s.name() + " bind " + s.bind() + " type " + s.type());
        List<String> calls = new ArrayList<>();
        for (ElfFile.Section rel : elf.sections()) {
            if (rel.type() != Elf.SHT_REL || !elf.section(rel.info()).isExecutable()) continue;
            byte[] code = elf.data(elf.section(rel.info()));
            for (ElfFile.Relocation r : elf.relocations(rel)) {
                ElfFile.Symbol s = elf.symbol(r.symbol(), rel, r.offset());
                if (s.shndx() != Elf.SHN_UNDEF) continue;
                Insn in = Insn.decode(java.util.Arrays.copyOfRange(code, (int) r.offset(), (int) r.offset() + 8)).get(0);
                calls.add(s.name() + " type " + r.type() + " opcode " + in.opcode() + " src " + in.src() + " imm " + in.imm());
            }
        }
        BpfObject obj = ObjectReader.read(bytes, "object");
        TreeSet<String> ksyms = new TreeSet<>();
        int sec = obj.btf().find(BtfType.KIND_DATASEC, KfuncTypes.KSYMS);
        if (sec > 0)
            for (BtfType.VarSecInfo v : ((BtfType.Datasec) obj.btf().type(sec)).vars())
                if (obj.btf().type(v.type()) instanceof BtfType.Func f) ksyms.add(f.name() + " linkage " + f.linkage());
        return new KfuncForm(undefined, calls.stream().distinct().sorted().toList(), ksyms);
    }

    @Test
    void jbpfWritesKfuncCallsAsClangDoes() throws Exception {
        KfuncForm clang = formOf(Files.readAllBytes(clangObject()));
        KfuncForm jbpf = formOf(ObjectWriter.write(Backend.DIRECT.translate(NumberLoops.class)));
        assertEquals(clang, jbpf);
        assertEquals(3, jbpf.undefinedSymbols().size(), jbpf.toString());
        assertTrue(jbpf.undefinedSymbols().contains("bpf_iter_num_next bind " + Elf.STB_GLOBAL + " type " + Elf.STT_NOTYPE), jbpf.toString());
        assertTrue(jbpf.relocatedCalls().contains("bpf_iter_num_next type " + Elf.R_BPF_64_32 + " opcode " + (Opcodes.JMP | Opcodes.CALL)
                + " src " + Opcodes.PSEUDO_CALL + " imm -1"), jbpf.toString());
        assertEquals(new TreeSet<>(KFUNCS.stream().map(k -> k + " linkage " + BtfType.LINKAGE_EXTERN).toList()), jbpf.ksyms());
    }

    @Test
    void bpftoolLoadsTheIteratorObject() throws Exception {
        Tools.requireRoot();
        Tools.requireTool("bpftool");
        for (Backend backend : Backend.values()) {
            Path obj = tmp.resolve("NumberLoops-" + backend + ".o");
            Files.write(obj, ObjectWriter.write(backend.translate(NumberLoops.class)));
            Path pins = Tools.pinDir("iterators");
            try {
                Tools.check("bpftool", "prog", "loadall", obj.toString(), pins.toString());
                String xlated = Tools.check("bpftool", "prog", "dump", "xlated", "pinned", pins.resolve("run").toString());
                for (String k : KFUNCS) assertTrue(xlated.contains(k), backend + ": a call of " + k + ":\n" + xlated);
            } finally {
                Tools.deleteTree(pins);
            }
        }
    }

    @Test
    void clangsIteratorObjectLoadsAndCounts() throws Exception {
        KernelCheck.require();
        Path o = clangObject();
        ProgramSpec sum = ObjectReader.read(Files.readAllBytes(o), "iter_sum.o").program("sum").orElseThrow();
        assertEquals(List.of("bpf_iter_num_new", "bpf_iter_num_next", "bpf_iter_num_next", "bpf_iter_num_destroy"),
                sum.insns().stream().filter(i -> i.isCall() && i.src() == Opcodes.PSEUDO_KFUNC_CALL).map(Insn::reference).toList());
        try (BPF bpf = BPF.open(o)) {
            assertEquals(2, bpf.program("sum").testRun(new byte[64], 1).retval());
            BpfMap<Integer, Long> out = bpf.map("out", Integer.class, Long.class);
            assertEquals(4_999_950_000L, out.get(0));
            assertEquals(100_000L, out.get(1));
        }
    }

    @Test
    void jbpfsObjectReadBackCounts() {
        KernelCheck.require();
        BpfObject read = ObjectReader.read(ObjectWriter.write(Backend.DIRECT.translate(NumberLoops.class)), "NumberLoops.o");
        try (BPF bpf = BPF.load(read, NumberLoops.class)) {
            assertEquals(2, bpf.program("run").testRun(new byte[64], 1).retval());
            BpfMap<Integer, Long> out = bpf.map(NumberLoops.out);
            assertEquals(4_999_950_000L, out.get(0));
            assertEquals(100_000L, out.get(1));
        }
    }
}
