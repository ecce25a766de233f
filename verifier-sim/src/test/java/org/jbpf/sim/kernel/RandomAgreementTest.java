package org.jbpf.sim.kernel;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.ProgramSpec;
import org.jbpf.sim.Verifier;
import org.jbpf.sim.VerifierResult;
import org.junit.jupiter.api.Test;

/**
 * Thousands of random programs ({@link RandomPrograms}) go to the running kernel (BPF_PROG_LOAD) and to the
 * simulator; the verdicts are tabulated and the simulator must never accept what the kernel refuses. The seed is
 * printed so a failing run can be repeated with {@code -Djbpf.random.seed=<seed>} ({@code -Djbpf.random.count=N}
 * for more programs, {@code -Djbpf.random.only=I,J} for programs I and J alone, with {@code -Djbpf.random.log=1|2} to print each program and the
 * kernel's log of each at that level). Every disagreement found so far is kept in {@link SoundnessCorpus} or fixed.
 * Without the property every run uses {@link #CI_SEED}, a seed that has passed, so that a build is judged on the code
 * it holds; {@code -Djbpf.random.seed=fresh} draws a new seed each run, to keep exploring. A program the simulator
 * refuses because the kernel would read a state it has freed ({@link org.jbpf.sim.verifier.AbstractInterpreter#FREED_STATE})
 * is not loaded: 6.18 then reports its own bug or crashes (a NULL dereference in its precision walk, seen while
 * reducing random#123 of the callback seed 20261201003), and a crash ends the test run.
 */
class RandomAgreementTest {
    static final long CI_SEED = 6255218463944L;
    /** The same for the wider mode ({@link WiderSnippets}); {@code -Djbpf.random.wide.seed} as above. */
    static final long CI_WIDE_SEED = 20261130501L;
    private static final java.util.regex.Pattern PROCESSED = java.util.regex.Pattern.compile("processed (\\d+) insns");

    /** The same for the callback mode ({@link CallbackSnippets}); {@code -Djbpf.random.callbacks.seed} as above. */
    static final long CI_CALLBACK_SEED = 20261130601L;

    @Test
    void simulatorNeverAcceptsWhatTheKernelRefuses() { agree("jbpf.random.seed", CI_SEED, false, false); }

    @Test
    void simulatorNeverAcceptsWhatTheKernelRefusesInWiderShapes() { agree("jbpf.random.wide.seed", CI_WIDE_SEED, true, false); }

    /** bpf_loop bodies, iterators and functions given pointers; loaded with their BTF function records. */
    @Test
    void simulatorNeverAcceptsWhatTheKernelRefusesWithCallbacks() { agree("jbpf.random.callbacks.seed", CI_CALLBACK_SEED, true, true); }

    private static void agree(String property, long ciSeed, boolean wide, boolean withCallbacks) {
        KernelAgreementTest.assumeKernel();
        String given = System.getProperty(property, "").trim();
        long seed = given.isEmpty() ? ciSeed : given.equals("fresh") ? System.nanoTime() : Long.parseLong(given);
        int count = Integer.getInteger("jbpf.random.count", withCallbacks ? 120 : 5000);
        // -Djbpf.random.only=12,345 checks those programs alone (the others are still generated, to keep the sequence)
        java.util.Set<Integer> only = new java.util.HashSet<>();
        for (String n : System.getProperty("jbpf.random.only", "").split(",")) if (!n.isBlank()) only.add(Integer.parseInt(n.trim()));
        System.out.println("random agreement" + (withCallbacks ? " (callbacks)" : wide ? " (wider shapes)" : "") + ": seed " + seed + ", " + count + " programs");
        RandomPrograms gen = new RandomPrograms(seed, 0.03, wide, withCallbacks);
        Map<String, Integer> fds = KernelRunner.createMaps(RandomPrograms.MAPS);
        int btfFd = withCallbacks ? KernelBpf.loadBtf(org.jbpf.core.btf.BtfWriter.encode(FunctionRecords.BTF).bytes()) : -1;
        int agreeAccept = 0, agreeReject = 0, tooStrict = 0, notAsked = 0;
        List<String> unsound = new ArrayList<>(), strict = new ArrayList<>();
        long start = System.nanoTime(), kernelNanos = 0, simNanos = 0;
        Map<String, Integer> reasons = new java.util.HashMap<>();
        double worstRatio = 0;
        // of the programs both accept: counted exactly as the kernel, fewer (the side where pruning may be unsound), more
        int exact = 0, below = 0, above = 0;
        String worstAt = "none";

        try {
            for (int i = 0; i < count; i++) {
                Corpus.Entry e = gen.next(i);
                if (!only.isEmpty() && !only.contains(i)) continue;
                List<ProgramSpec.FuncInfo> records = withCallbacks ? FunctionRecords.of(e.insns()) : List.of();
                long t1 = System.nanoTime();
                ProgramSpec p = new ProgramSpec(e.name(), e.section(), e.insns(), records);
                VerifierResult s = Verifier.verify(new BpfObject("random", "GPL", e.maps(), List.of(p), withCallbacks ? FunctionRecords.BTF : null), p);
                simNanos += System.nanoTime() - t1;
                // the kernel reads freed memory on these (its own bug), and may crash doing so: it is not asked
                if (!s.ok() && s.errors().get(0).kernelMessage().startsWith(org.jbpf.sim.verifier.AbstractInterpreter.FREED_STATE)) {
                    notAsked++;
                    continue;
                }
                long t0 = System.nanoTime();
                KernelBpf.LoadResult k = withCallbacks
                        ? KernelBpf.loadWithFuncInfo(KernelRunner.progType(e.section()),
                                Insn.encode(FunctionRecords.kernelFunctions(KernelRunner.patch(e.insns(), fds))), btfFd, FunctionRecords.flat(records))
                        : KernelBpf.loadForVerdict(KernelRunner.progType(e.section()), Insn.encode(KernelRunner.patch(e.insns(), fds)));
                if (k.accepted()) KernelBpf.close(k.fd());
                if (!only.isEmpty() && Integer.getInteger("jbpf.random.log", 0) > 0) {
                    KernelBpf.LoadResult logged = withCallbacks
                            ? KernelBpf.loadWithFuncInfoLogged(KernelRunner.progType(e.section()),
                                    Insn.encode(FunctionRecords.kernelFunctions(KernelRunner.patch(e.insns(), fds))), btfFd,
                                    FunctionRecords.flat(records), Integer.getInteger("jbpf.random.log"))
                            : KernelBpf.loadLogged(KernelRunner.progType(e.section()),
                            Insn.encode(KernelRunner.patch(e.insns(), fds)), Integer.getInteger("jbpf.random.log"));
                    if (logged.accepted()) KernelBpf.close(logged.fd());
                    System.out.println(describe(e, logged, s));
                    System.out.println("kernel log of " + e.name() + ":\n" + logged.log());
                }
                kernelNanos += System.nanoTime() - t0;
                if (k.accepted() && s.ok()) {
                    agreeAccept++;
                    java.util.regex.Matcher m = PROCESSED.matcher(k.log());
                    if (m.find()) {
                        int kernel = Integer.parseInt(m.group(1));
                        if (kernel == s.processedInsns()) exact++;
                        else if (kernel > s.processedInsns()) below++;
                        else above++;
                        m.reset();
                    }
                    // the factor matters near the kernel's limit: a few instructions more or less in a tiny program do not
                    if (m.find() && Integer.parseInt(m.group(1)) >= 100) {
                        double ratio = Double.parseDouble(m.group(1)) / s.processedInsns();
                        if (ratio > worstRatio) { worstRatio = ratio; worstAt = e.name() + " (kernel " + m.group(1) + ", simulator " + s.processedInsns() + ")"; }
                    }
                }
                else if (!k.accepted() && !s.ok()) {
                    agreeReject++;
                    reasons.merge(KernelRunner.reason(k.log()).replaceAll("-?\\d+", "N"), 1, Integer::sum);
                }
                else if (s.ok()) unsound.add(describe(e, k, s));
                else { tooStrict++; if (strict.size() < 5) strict.add(describe(e, k, s)); }
            }
        } finally {
            fds.values().forEach(KernelBpf::close);
            if (btfFd >= 0) KernelBpf.close(btfFd);
        }
        System.out.printf("%-14s %6s%n%-14s %6d%n%-14s %6d%n%-14s %6d%n%-14s %6d%n%-14s %6d%n", "verdicts", "count",
                "agree-accept", agreeAccept, "agree-reject", agreeReject, "unsound", unsound.size(), "too-strict", tooStrict,
                "not-asked", notAsked);
        System.out.printf("seed %d: %d programs in %d ms (kernel %d ms, simulator %d ms)%n", seed, count,
                (System.nanoTime() - start) / 1_000_000, kernelNanos / 1_000_000, simNanos / 1_000_000);
        System.out.printf("instruction counts of the programs both accept: %d as the kernel's, %d below it, %d above it%n", exact, below, above);
        System.out.printf("kernel/simulator processed instructions, worst of the programs both accept that took the kernel 100+: %.2f at %s%n", worstRatio, worstAt);
        System.out.println("most common reasons both give:");
        reasons.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(8)
                .forEach(r -> System.out.printf("  %5d  %s%n", r.getValue(), r.getKey()));
        strict.forEach(d -> System.out.println("too strict: " + d));
        unsound.stream().limit(5).forEach(d -> System.out.println("UNSOUND: " + d));
        if (only.isEmpty()) assertTrue(agreeAccept >= count / 10, "the generator must produce programs the kernel accepts: " + agreeAccept);
        if (only.isEmpty()) assertTrue(agreeReject >= count / 10, "and programs it refuses: " + agreeReject);
        assertEquals(List.of(), unsound.stream().limit(5).toList(), "seed " + seed + ": the simulator accepted programs the kernel refuses");
        assertTrue(worstRatio <= org.jbpf.sim.verifier.AbstractInterpreter.KERNEL_FACTOR,
                "the kernel processed more than the factor times the simulation's count: " + worstAt);
    }

    private static String describe(Corpus.Entry e, KernelBpf.LoadResult k, VerifierResult s) {
        StringBuilder b = new StringBuilder(e.name()).append(' ').append(e.section()).append(": kernel ")
                .append(k.accepted() ? "accepts" : "refuses (" + KernelRunner.reason(k.log()) + ")").append(", simulator ")
                .append(s.ok() ? "accepts" : "refuses (" + s.errors().get(0).kernelMessage() + ")");
        int slot = 0;
        for (Insn i : e.insns()) { b.append(String.format("%n    %3d: %s", slot, i)); slot += i.slots(); }
        return b.toString();
    }
}
