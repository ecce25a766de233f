package org.jbpf.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.elf.ElfFile;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.ObjectReader;
import org.jbpf.core.obj.ObjectWriter;
import org.jbpf.core.obj.ProgramSpec;
import org.jbpf.loader.LoadedObject;
import org.jbpf.loader.Loader;
import org.jbpf.loader.ProgramInfo;
import org.jbpf.translator.Translator;

/**
 * Measurements for scripts/bench, printed as tables. Never run by the tests: timings are only reported.
 * Usage: {@code Bench codesize <clang-object-dir>}, {@code Bench translate-speed}, {@code Bench map-dump <entries> <C batch reader> [<another built tree, for a "before" column>]}.
 */
public final class Bench {
    static final List<String> EXAMPLES = List.of("ProcessCounter", "OpenCounter", "ReadLatency", "EventSampler",
            "PerCpuCounters", "ExecPerfEvents", "ExecRingEvents", "HelloPrintk", "ReadSizes");
    /**
     * Probes of this module in the code-size table beside the examples, each with a C twin: enum switches, the in-place
     * counter, records as key and value, nested struct methods, an array histogram, array and hash map counters, printk
     * with numbers and with a text, a switch on the syscall number, a running maximum, atomic adds to struct fields and
     * an XDP counter.
     */
    static final List<String> BENCH_PROBES = List.of("EnumLevels", "SyscallIncrement", "RecordTotals", "NestedSpans", "ArrayHistogram",
            "ArrayCounter", "WrittenBytes", "WriteArgsPrintk", "SyscallClasses", "RootExecs", "LargestRead", "CommPrintk",
            "CgroupCounter", "ReadStats", "XdpLengths");

    static String className(String probe) { return (BENCH_PROBES.contains(probe) ? "org.jbpf.bench." : "org.jbpf.examples.") + probe; }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "codesize": codeSize(Path.of(args[1])); break;
            case "translate-speed": translateSpeed(); break;
            case "iterators": IteratorSize.run(Path.of(args[1])); break;
            case "map-dump": MapDumpBench.run(Integer.parseInt(args[1]), args[2], args.length > 3 ? args[3] : null); break;
            default: throw new IllegalArgumentException("unknown benchmark " + args[0]);
        }
    }

    static BpfObject translate(String example) {
        return Translator.translate(className(example), Translator.ClassSource.of(Bench.class.getClassLoader()),
                new Translator.Options(List.of()));
    }

    static int slots(List<Insn> insns) { return Insn.slotOffsets(insns)[insns.size()]; }

    /** The same example through the LLVM backend, or null when the LLVM bindings are not on the class path. */
    static BpfObject translateLlvm(String example) throws Exception {
        if (!org.jbpf.translator.llvm.LlvmBackend.available()) return null;
        Translator.ClassSource classes = Translator.ClassSource.of(Bench.class.getClassLoader());
        return org.jbpf.translator.llvm.LlvmBackend.translate(classes.read(className(example).replace('.', '/')), classes,
                new Translator.Options(List.of()));
    }

    /**
     * Instruction slots per program for jbpf's direct backend, its LLVM backend and the C twins built by clang-19 at
     * -O2 -mcpu=v4 (the anchor: {@code <name>.clang.o}) and, as a second column, by the older clang at -mcpu=v3
     * ({@code <name>.clang14.o}, when present), and the kernel verifier's processed instructions for each.
     */
    static void codeSize(Path clangDir) throws Exception {
        String llvmMissing = org.jbpf.translator.llvm.LlvmBackend.unavailableReason();
        if (llvmMissing != null) System.out.println("llvm column empty: " + llvmMissing);
        System.out.printf("%-16s %-16s %6s %6s %7s %7s %7s   %9s %9s %9s %7s%n", "example", "program", "jbpf", "llvm", "clang19",
                "clang14", "ratio", "vjbpf", "vllvm", "vclang19", "vratio");
        int totalJ = 0, totalL = 0, totalC = 0, totalOld = 0, wins = 0, programs = 0;
        long totalVj = 0, totalVc = 0;
        for (String e : java.util.stream.Stream.concat(EXAMPLES.stream(), BENCH_PROBES.stream()).toList()) {
            BpfObject j = translate(e);
            BpfObject l = translateLlvm(e);
            Path clangObj = clangDir.resolve(e + ".clang.o"), oldObj = clangDir.resolve(e + ".clang14.o");
            Map<String, Integer> c = slotsByProgram(clangObj), old = Files.exists(oldObj) ? slotsByProgram(oldObj) : Map.of();
            Path jObj = Files.createTempFile("bench-" + e, ".o");
            Files.write(jObj, ObjectWriter.write(j));
            Path lObj = Files.createTempFile("bench-llvm-" + e, ".o");
            if (l != null) Files.write(lObj, ObjectWriter.write(l));
            Map<String, Long> vj = verifiedInsns(jObj), vl = l == null ? Map.of() : verifiedInsns(lObj), vc = verifiedInsnsIfLoadable(clangObj);
            for (ProgramSpec p : j.programs()) {
                ProgramSpec r = l == null ? null : l.program(p.name()).orElse(null);
                int sj = slots(p.insns()), sc = c.getOrDefault(p.name(), -1), sl = r == null ? -1 : slots(r.insns());
                int so = old.getOrDefault(p.name(), -1);
                long pj = vj.getOrDefault(p.name(), -1L), pc = vc.getOrDefault(p.name(), -1L);
                System.out.printf("%-16s %-16s %6d %6d %7d %7d %7.2f   %9d %9d %9d %7.2f%n", e, p.name(), sj, sl, sc, so,
                        sc > 0 ? (double) sj / sc : Double.NaN, pj, vl.getOrDefault(p.name(), -1L), pc,
                        pc > 0 ? (double) pj / pc : Double.NaN);
                totalJ += sj;
                totalL += Math.max(sl, 0);
                totalC += Math.max(sc, 0);
                totalOld += Math.max(so, 0);
                if (pj > 0 && pc > 0) { totalVj += pj; totalVc += pc; }
                programs++;
                if (sj <= sc) wins++;
            }
            Files.deleteIfExists(jObj);
            Files.deleteIfExists(lObj);
        }
        System.out.printf("%-33s %6d %6d %7d %7d %7.2f   %9d %9s %9d %7.2f%n", "total", totalJ, totalL, totalC, totalOld,
                (double) totalJ / totalC, totalVj, "", totalVc, (double) totalVj / totalVc);
        System.out.printf("jbpf at most as large as clang-19 -mcpu=v4 on %d of %d programs%n", wins, programs);
    }

    /** Instruction slots of each program of a clang object: its function symbol's size, read from the ELF file alone. */
    static Map<String, Integer> slotsByProgram(Path obj) throws Exception {
        ElfFile elf = ElfFile.parse(Files.readAllBytes(obj), obj.getFileName().toString());
        Map<String, Integer> out = new LinkedHashMap<>();
        for (ElfFile.Symbol sym : elf.symbols())
            if (sym.type() == 2 /* STT_FUNC */ && sym.shndx() > 0 && elf.section(sym.shndx()).isExecutable())
                out.put(sym.name(), (int) (sym.size() / 8));
        return out;
    }

    /** {@link #verifiedInsns}, or nothing (printed as -1) with a note when jbpf's loader cannot load the object yet. */
    static Map<String, Long> verifiedInsnsIfLoadable(Path obj) throws Exception {
        try {
            return verifiedInsns(obj);
        } catch (RuntimeException e) {
            System.out.println("(" + obj.getFileName() + " not loaded: " + e.getMessage() + ")");
            return Map.of();
        }
    }

    /** Loads an object with jbpf's loader and asks the kernel how many instructions its verifier processed per program. */
    static Map<String, Long> verifiedInsns(Path obj) throws Exception {
        Map<String, Long> out = new LinkedHashMap<>();
        BpfObject o = ObjectReader.read(Files.readAllBytes(obj), obj.getFileName().toString());
        try (LoadedObject loaded = new Loader().load(o)) {
            for (var p : loaded.programs())
                out.put(p.spec().name(), (long) ProgramInfo.of(p.fd()).verifiedInsns());
        }
        return out;
    }

    record Result(int code, String out) {}

    static Result run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS)) { p.destroyForcibly(); throw new IllegalStateException("timed out: " + String.join(" ", cmd)); }
        return new Result(p.exitValue(), out);
    }

    /** In-process translations per second of all examples, after a warm-up. */
    static void translateSpeed() {
        for (int i = 0; i < 300; i++) for (String e : EXAMPLES) translate(e);
        int n = 0;
        long start = System.nanoTime();
        while (System.nanoTime() - start < 5_000_000_000L) {
            for (String e : EXAMPLES) { translate(e); n++; }
        }
        double secs = (System.nanoTime() - start) / 1e9;
        System.out.printf("in-process translation: %.0f probe classes/s (%.3f ms each, %d translations of %d examples)%n",
                n / secs, secs * 1000 / n, n, EXAMPLES.size());
    }

    private Bench() {}
}
