package org.jbpf.translator.fuzz;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.jbpf.core.damage.ClassDamage;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.translator.TranslationException;
import org.jbpf.translator.Translator;
import org.junit.jupiter.api.Test;

/**
 * Feeds the translator damaged versions of the example probes and of the struct classes they use. Every case must
 * either translate to an object that passes {@link TranslatedObjectCheck} or be refused with a
 * {@link TranslationException} carrying a message (not the entry point's "internal error" wrapping of an unexpected
 * exception); any other throwable, or a case running longer than the time bound,
 * fails the test with the seed that reproduces it ({@code -Djbpf.fuzz.only=<case>}).
 *
 * <p>{@code -Djbpf.fuzz.cases=N} changes the number of cases (default 10,000); the seed is fixed, so runs repeat.
 */
class TranslatorFuzzTest {
    static final String[] EXAMPLES = {"ProcessCounter", "OpenCounter", "ReadLatency", "EventSampler", "PerCpuCounters",
            "ExecPerfEvents", "ExecRingEvents", "HelloPrintk"};
    static final long SEED = 0x6a627066L;
    static final long CASE_TIMEOUT_MS = 5_000;
    static final Translator.Options NO_SOURCES = new Translator.Options(List.of());

    private static final Translator.ClassSource CLASSPATH = Translator.ClassSource.of(TranslatorFuzzTest.class.getClassLoader());

    /** One example: its class file and the other classes (structs) translating it reads. */
    record Seed(String name, byte[] bytes, List<String> dependencies) {}

    /** A mutation: either structural (ASM) or byte-level, of the probe itself or of a struct class it uses. */
    record Mutation(String name, ClassMutator.Kind structural, ClassDamage.Kind bytes) {}

    static List<Seed> seeds() throws IOException {
        List<Seed> out = new ArrayList<>();
        for (String e : EXAMPLES) {
            String internal = "org/jbpf/examples/" + e;
            Set<String> read = new LinkedHashSet<>();
            Translator.ClassSource recording = name -> {
                if (!name.equals(internal)) read.add(name);
                return CLASSPATH.read(name);
            };
            Translator.translate(internal.replace('/', '.'), recording, NO_SOURCES);
            read.removeIf(n -> {
                try {
                    return CLASSPATH.read(n) == null;
                } catch (IOException ex) {
                    return true;
                }
            });
            out.add(new Seed(e, CLASSPATH.read(internal), List.copyOf(read)));
        }
        return out;
    }

    static List<Mutation> mutations() {
        List<Mutation> out = new ArrayList<>();
        for (ClassMutator.Kind k : ClassMutator.Kind.values()) out.add(new Mutation(k.name(), k, null));
        for (ClassDamage.Kind k : ClassDamage.Kind.values()) out.add(new Mutation(k.name(), null, k));
        return out;
    }

    /** Tallies per mutation: cases tried, translated, refused with a diagnostic, not producible. */
    static final class Tally {
        int tried, translated, refused, skipped, verifierRefused;
    }

    @Test
    void mutatedExamplesTranslateOrFailWithADiagnostic() throws IOException {
        int cases = Integer.getInteger("jbpf.fuzz.cases", 10_000);
        Integer only = Integer.getInteger("jbpf.fuzz.only");
        List<Seed> seeds = seeds();
        List<Mutation> mutations = mutations();
        Map<String, Tally> tallies = new LinkedHashMap<>();
        for (Mutation m : mutations) tallies.put(m.name(), new Tally());
        List<String> failures = new ArrayList<>();
        List<String> verifierSamples = new ArrayList<>();
        long start = System.nanoTime();
        try (CaseRunner runner = new CaseRunner(CASE_TIMEOUT_MS)) {
            for (int c = 0; c < cases; c++) {
                if (only != null && c != only) continue;
                Random rnd = new Random(SEED * 31 + c);
                Seed seed = seeds.get(c % seeds.size());
                Mutation mutation = mutations.get((c / seeds.size()) % mutations.size());
                Tally tally = tallies.get(mutation.name());
                // one case in five damages a struct class the probe uses instead of the probe
                boolean ofDependency = !seed.dependencies().isEmpty() && rnd.nextInt(5) == 0;
                String target = ofDependency ? seed.dependencies().get(rnd.nextInt(seed.dependencies().size())) : null;
                byte[] original = target == null ? seed.bytes() : CLASSPATH.read(target);
                byte[] damaged = mutation.structural() != null ? ClassMutator.mutate(original, mutation.structural(), rnd)
                        : new ClassDamage(original).damage(mutation.bytes(), rnd);
                tally.tried++;
                if (damaged == null) { tally.skipped++; continue; }
                byte[] probe = target == null ? damaged : seed.bytes();
                Translator.ClassSource classes = target == null ? CLASSPATH
                        : name -> name.equals(target) ? damaged : CLASSPATH.read(name);
                String what = "case " + c + " (" + mutation.name() + " of " + (target != null ? target + " used by " : "") + seed.name()
                        + ", seed " + (SEED * 31 + c) + ", reproduce with -Djbpf.fuzz.only=" + c + ")";
                CaseRunner.Outcome<String> o = runner.run(() -> {
                    BpfObject obj = Translator.translate(probe, classes, NO_SOURCES);
                    String problem = TranslatedObjectCheck.problem(obj);
                    if (problem != null) return problem;
                    // what jbpf translate does next: the offline verifier either accepts or explains at a Java line
                    for (org.jbpf.sim.VerifierResult r : org.jbpf.sim.Verifier.verifyAll(obj)) {
                        if (r.ok()) continue;
                        String why = r.errors().get(0).javaMessage();
                        return why == null || why.isBlank() ? "verifier-sim rejected " + r.program() + " without a message" : "verifier: " + why;
                    }
                    return "ok";
                });
                if (o.timedOut()) failures.add(what + ": no result within " + CASE_TIMEOUT_MS + " ms of CPU time");
                else if (o.thrown() instanceof TranslationException t) {
                    if (t.getMessage() == null || t.getMessage().isBlank()) failures.add(what + ": TranslationException without a message");
                    // the entry point's last-resort wrapping of a translator bug still counts as a bug here
                    else if (t.getMessage().contains("internal error")) failures.add(what + ": " + describe(t.getCause() != null ? t.getCause() : t));
                    else tally.refused++;
                } else if (o.thrown() != null) {
                    failures.add(what + ": " + describe(o.thrown()));
                } else if (o.value().startsWith("verifier: ")) {
                    tally.verifierRefused++;
                    if (verifierSamples.size() < 5) verifierSamples.add(what + ": " + o.value());
                }
                else if (!o.value().equals("ok")) failures.add(what + ": translated, but " + o.value());
                else tally.translated++;
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        StringBuilder report = new StringBuilder("translator fuzz: " + cases + " cases in " + millis + " ms\n");
        verifierSamples.forEach(v -> report.append("  e.g. ").append(v).append('\n'));
        int tried = 0, translated = 0, refused = 0, skipped = 0, verifierRefused = 0;
        for (var e : tallies.entrySet()) {
            Tally t = e.getValue();
            tried += t.tried; translated += t.translated; refused += t.refused; skipped += t.skipped; verifierRefused += t.verifierRefused;
            report.append(String.format("  %-24s tried %5d  translated+verified %5d  refused %5d  refused by verifier-sim %4d  not producible %4d%n",
                    e.getKey(), t.tried, t.translated, t.refused, t.verifierRefused, t.skipped));
        }
        report.append(String.format("  %-24s tried %5d  translated+verified %5d  refused %5d  refused by verifier-sim %4d  not producible %4d  unexpected %d%n",
                "total", tried, translated, refused, verifierRefused, skipped, failures.size()));
        System.out.print(report);
        if (!failures.isEmpty()) {
            // one example of each distinct failure (exception type and throwing frame), then the count
            Map<String, List<String>> bySignature = new LinkedHashMap<>();
            for (String f : failures) bySignature.computeIfAbsent(signature(f), k -> new ArrayList<>()).add(f);
            bySignature.forEach((sig, list) -> System.out.println(list.size() + " x " + list.get(0)));
            fail(failures.size() + " fuzz cases ended other than in a translation or a TranslationException; first: " + failures.get(0));
        }
        if (only == null) {
            assertTrue(refused > cases / 4, "most damage should be refused, only " + refused + " were");
            assertTrue(translated > cases / 20, "some harmless mutations should still translate, only " + translated + " did");
        }
    }

    private static String describe(Throwable t) {
        StringBuilder sb = new StringBuilder(t.toString());
        int shown = 0;
        for (StackTraceElement e : t.getStackTrace()) {
            if (e.getClassName().startsWith("java.")) continue;
            sb.append("\n      at ").append(e);
            if (++shown == 4) break;
        }
        return sb.toString();
    }

    /** The failure without its case details: what was thrown and the first frame that threw it. */
    private static String signature(String failure) {
        String rest = failure.substring(failure.indexOf("): ") + 3);
        String type = rest.split("[:\\n]")[0];
        int at = rest.indexOf("\n      at ");
        return type + (at < 0 ? "" : rest.substring(at, rest.indexOf('\n', at + 1) < 0 ? rest.length() : rest.indexOf('\n', at + 1)));
    }
}
