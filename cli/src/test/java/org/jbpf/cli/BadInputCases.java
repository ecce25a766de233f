package org.jbpf.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What the bad-input tests share: each case runs on a worker thread within a time bound, and a {@link Tally} checks
 * each answer with {@link BadInputOutcome} and counts accepted and refused cases by the kind of damage.
 */
final class BadInputCases {
    static final long CASE_SECONDS = 60;

    private static final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "bad-input-case");
        t.setDaemon(true);
        return t;
    });

    private BadInputCases() {}

    /** The jbpf command run in this JVM, within the time bound. */
    static Cli cli(String... args) throws Exception { return inTime(() -> Cli.run(args)); }

    /** {@code task}'s answer; an assertion error when it takes longer than {@link #CASE_SECONDS}. */
    static <T> T inTime(Callable<T> task) throws Exception {
        Future<T> f = worker.submit(task);
        try {
            return f.get(CASE_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new AssertionError("no answer within " + CASE_SECONDS + " s");
        }
    }

    /** Outcomes per kind of damage, and what went wrong. */
    static final class Tally {
        final Map<Object, int[]> byKind = new LinkedHashMap<>();  // accepted, refused
        final List<String> failures = new ArrayList<>();
        final Map<Object, String> firstRefusal = new LinkedHashMap<>();
        private final long seed;
        private final boolean replaying;

        /** Cases drawn from {@code seed}; when {@code replaying} one case, no least number of refusals is asked. */
        Tally(long seed, boolean replaying) {
            this.seed = seed;
            this.replaying = replaying;
        }

        /** Runs the command and checks its answer; a bad one is run again with --verbose to show where it came from. */
        void check(String what, Object kind, String name, String... args) throws Exception {
            Cli r = cli(args);
            String problem = BadInputOutcome.problem(r, name);
            if (problem != null) {
                String[] verbose = new String[args.length + 1];
                verbose[0] = "--verbose";
                System.arraycopy(args, 0, verbose, 1, args.length);
                problem += "\n    " + String.join("\n    ", where(cli(verbose).err()));
            }
            check(what, kind, problem);
            if (problem == null) byKind.computeIfAbsent(kind, k -> new int[2])[r.status() == 0 ? 0 : 1]++;
            if (problem == null && r.status() != 0) firstRefusal.putIfAbsent(kind, r.err().strip());
        }

        /** The head of a stack trace and of each cause: where the bad answer came from. */
        private static List<String> where(String trace) {
            List<String> lines = trace.lines().toList(), out = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++)
                if (i == 0 || lines.get(i).startsWith("Caused by"))
                    out.addAll(lines.subList(i, Math.min(lines.size(), i + 8)));
            return out;
        }

        void check(String what, Object kind, String problem) {
            if (problem != null) failures.add(what + ": " + problem);
        }

        void assertClean(String title, int minRefused) {
            if (replaying) minRefused = 0;
            int refused = 0;
            StringBuilder report = new StringBuilder(title + " (seed " + seed + "):\n");
            for (var e : byKind.entrySet()) {
                refused += e.getValue()[1];
                report.append(String.format("  %-18s accepted %5d  refused %5d  %s%n", e.getKey(), e.getValue()[0], e.getValue()[1],
                        firstRefusal.getOrDefault(e.getKey(), "")));
            }
            System.out.print(report);
            failures.stream().limit(40).forEach(System.out::println);
            assertTrue(failures.isEmpty(), failures.size() + " cases answered badly; first: " + (failures.isEmpty() ? "" : failures.get(0)));
            assertTrue(refused >= minRefused, "only " + refused + " cases were refused: the damage misses");
        }
    }
}
