package org.jbpf.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.ObjectWriter;
import org.jbpf.translator.Translator;

/**
 * Code size of a numeric iterator loop ({@link IteratorSum}) on both backends against its C twin built by clang-19
 * -O2 -mcpu=v4 ({@code IteratorSum.clang.o} in the clang object directory), and the kernel verifier's processed
 * instructions for each. Usage: {@code Bench iterators <clang-object-dir>}.
 */
final class IteratorSize {
    private IteratorSize() {}

    static void run(Path clangDir) throws Exception {
        Translator.ClassSource classes = Translator.ClassSource.of(IteratorSize.class.getClassLoader());
        BpfObject direct = Translator.translate(IteratorSum.class.getName(), classes, new Translator.Options(List.of()));
        BpfObject llvm = org.jbpf.translator.llvm.LlvmBackend.available()
                ? org.jbpf.translator.llvm.LlvmBackend.translate(classes.read("org/jbpf/bench/IteratorSum"), classes, new Translator.Options(List.of()))
                : null;
        Path clang = clangDir.resolve("IteratorSum.clang.o");
        int cs = Bench.slotsByProgram(clang).get("sum");
        long cv = Bench.verifiedInsnsIfLoadable(clang).getOrDefault("sum", -1L);
        System.out.printf("%-10s %6s %9s%n", "IteratorSum", "slots", "verified");
        print("jbpf", direct, cs, cv);
        if (llvm != null) print("llvm", llvm, cs, cv);
        System.out.printf("%-10s %6d %9d%n", "clang19", cs, cv);
    }

    private static void print(String what, BpfObject obj, int clangSlots, long clangVerified) throws Exception {
        Path o = Files.createTempFile("bench-iterators", ".o");
        try {
            Files.write(o, ObjectWriter.write(obj));
            Map<String, Long> v = Bench.verifiedInsns(o);
            int slots = Bench.slots(obj.program("sum").orElseThrow().insns());
            long verified = v.getOrDefault("sum", -1L);
            System.out.printf("%-10s %6d %9d   %.2f and %.2f of clang-19's%n", what, slots, verified, (double) slots / clangSlots,
                    (double) verified / clangVerified);
        } finally {
            Files.deleteIfExists(o);
        }
    }
}
