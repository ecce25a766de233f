package org.jbpf.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jbpf.core.asm.Insn;
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
 * Usage: {@code Bench codesize <clang-object-dir>}, {@code Bench translate-speed}, {@code Bench map-dump <entries> <C batch reader>}.
 */
public final class Bench {
    static final List<String> EXAMPLES = List.of("ProcessCounter", "OpenCounter", "ReadLatency", "EventSampler",
            "PerCpuCounters", "ExecPerfEvents", "ExecRingEvents", "HelloPrintk", "ReadSizes");

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "codesize": codeSize(Path.of(args[1])); break;
            case "translate-speed": translateSpeed(); break;
            case "map-dump": MapDumpBench.run(Integer.parseInt(args[1]), args[2]); break;
            default: throw new IllegalArgumentException("unknown benchmark " + args[0]);
        }
    }

    static BpfObject translate(String example) {
        return Translator.translate("org.jbpf.examples." + example, Translator.ClassSource.of(Bench.class.getClassLoader()),
                new Translator.Options(List.of()));
    }

    static int slots(List<Insn> insns) { return Insn.slotOffsets(insns)[insns.size()]; }

    /** The same example through the LLVM backend, or null when the LLVM bindings are not on the class path. */
    static BpfObject translateLlvm(String example) throws Exception {
        if (!org.jbpf.translator.llvm.LlvmBackend.available()) return null;
        Translator.ClassSource classes = Translator.ClassSource.of(Bench.class.getClassLoader());
        return org.jbpf.translator.llvm.LlvmBackend.translate(classes.read("org/jbpf/examples/" + example), classes,
                new Translator.Options(List.of()));
    }

    /**
     * Instruction slots per program for jbpf's direct backend, its LLVM backend and clang, and the kernel verifier's
     * processed instructions for each.
     */
    static void codeSize(Path clangDir) throws Exception {
        String llvmMissing = org.jbpf.translator.llvm.LlvmBackend.unavailableReason();
        if (llvmMissing != null) System.out.println("llvm column empty: " + llvmMissing);
        System.out.printf("%-16s %-16s %6s %6s %6s %7s   %9s %9s %9s%n", "example", "program", "jbpf", "llvm", "clang", "ratio",
                "vjbpf", "vllvm", "vclang");
        int totalJ = 0, totalL = 0, totalC = 0, wins = 0, programs = 0;
        for (String e : EXAMPLES) {
            BpfObject j = translate(e);
            BpfObject l = translateLlvm(e);
            Path clangObj = clangDir.resolve(e + ".clang.o");
            BpfObject c = ObjectReader.read(Files.readAllBytes(clangObj), clangObj.getFileName().toString());
            Path jObj = Files.createTempFile("bench-" + e, ".o");
            Files.write(jObj, ObjectWriter.write(j));
            Path lObj = Files.createTempFile("bench-llvm-" + e, ".o");
            if (l != null) Files.write(lObj, ObjectWriter.write(l));
            Map<String, Long> vj = verifiedInsns(jObj), vl = l == null ? Map.of() : verifiedInsns(lObj), vc = verifiedInsns(clangObj);
            for (ProgramSpec p : j.programs()) {
                ProgramSpec q = c.program(p.name()).orElse(null);
                ProgramSpec r = l == null ? null : l.program(p.name()).orElse(null);
                int sj = slots(p.insns()), sc = q == null ? -1 : slots(q.insns()), sl = r == null ? -1 : slots(r.insns());
                System.out.printf("%-16s %-16s %6d %6d %6d %7.2f   %9s %9s %9s%n", e, p.name(), sj, sl, sc,
                        sc > 0 ? (double) sj / sc : Double.NaN,
                        vj.getOrDefault(p.name(), -1L), vl.getOrDefault(p.name(), -1L), vc.getOrDefault(p.name(), -1L));
                totalJ += sj;
                totalL += Math.max(sl, 0);
                totalC += Math.max(sc, 0);
                programs++;
                if (sj <= sc) wins++;
            }
            Files.deleteIfExists(jObj);
            Files.deleteIfExists(lObj);
        }
        System.out.printf("%-33s %6d %6d %6d %7.2f   (jbpf at most as large as clang on %d of %d programs)%n", "total", totalJ, totalL,
                totalC, (double) totalJ / totalC, wins, programs);
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
