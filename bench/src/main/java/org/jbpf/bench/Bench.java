package org.jbpf.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.MapSpec;
import org.jbpf.core.obj.MapTypes;
import org.jbpf.core.obj.ObjectReader;
import org.jbpf.core.obj.ObjectWriter;
import org.jbpf.core.obj.ProgramSpec;
import org.jbpf.loader.LoadedObject;
import org.jbpf.loader.Loader;
import org.jbpf.loader.ProgramInfo;
import org.jbpf.runtime.BpfMap;
import org.jbpf.runtime.Codecs;
import org.jbpf.translator.Translator;

/**
 * Measurements for scripts/bench, printed as tables. Never run by the tests: timings are only reported.
 * Usage: {@code Bench codesize <clang-object-dir>}, {@code Bench translate-speed}, {@code Bench map-dump}.
 */
public final class Bench {
    static final List<String> EXAMPLES = List.of("ProcessCounter", "OpenCounter", "ReadLatency", "EventSampler",
            "PerCpuCounters", "ExecPerfEvents", "ExecRingEvents", "HelloPrintk");

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "codesize": codeSize(Path.of(args[1])); break;
            case "translate-speed": translateSpeed(); break;
            case "map-dump": mapDump(Integer.parseInt(args.length > 1 ? args[1] : "100000")); break;
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

    /** Entries per second reading a full hash map with entries(), then the same map with bpftool map dump. */
    static void mapDump(int entries) throws Exception {
        MapSpec spec = new MapSpec("bench_dump", MapTypes.HASH, 4, 8, entries, 0, 0, 0);
        try (LoadedObject o = new Loader().load(new BpfObject("bench", "GPL", List.of(spec), List.of(), null))) {
            BpfMap<Integer, Long> m = BpfMap.of(o.map("bench_dump"), Codecs.INT, Codecs.LONG, false);
            for (int i = 0; i < entries; i++) m.put(i, (long) i * 3);
            for (int w = 0; w < 3; w++) m.entries();
            int rounds = 5;
            long start = System.nanoTime();
            long seen = 0;
            for (int r = 0; r < rounds; r++) seen += m.entries().size();
            double javaSecs = (System.nanoTime() - start) / 1e9;
            Path pin = Path.of("/sys/fs/bpf/jbpf-bench-dump-" + ProcessHandle.current().pid());
            m.pin(pin);
            try {
                long t0 = System.nanoTime();
                for (int r = 0; r < rounds; r++) {
                    Process p = new ProcessBuilder("bpftool", "map", "dump", "pinned", pin.toString())
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true).start();
                    p.waitFor();
                }
                double toolSecs = (System.nanoTime() - t0) / 1e9;
                double javaRate = seen / javaSecs, toolRate = (double) entries * rounds / toolSecs;
                System.out.printf("map dump of %d entries: entries() %.0f entries/s, bpftool map dump %.0f entries/s, ratio %.1fx%n",
                        entries, javaRate, toolRate, javaRate / toolRate);
            } finally {
                m.unpin();
            }
        }
    }

    private Bench() {}
}
