package org.jbpf.it.javac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jbpf.BPF;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.it.newuser.ComputingProbesKernelTest;
import org.jbpf.runtime.BpfMap;
import org.jbpf.sim.Verifier;
import org.jbpf.sim.VerifierResult;
import org.jbpf.testsupport.Skip;
import org.jbpf.translator.Translator;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Java 21 and later in probes. Pattern switches over sealed interfaces of @Struct records, as javac 21 and later compile them (a
 * SwitchBootstraps.typeSwitch call, guards that switch again from the next case, record patterns whose accessor calls
 * javac wraps in MatchException handlers), Java 21's Math.clamp and Java 18's ceilDiv and ceilMod: compiled by JDK 25's javac at {@code --release 21 -g} and at
 * {@code --release 25 -g:none}, translated on both backends, and run in the kernel on every input of
 * {@link ComputingProbesKernelTest}, where each result must be what {@code compute(a, b)} gives on JDK 25's JVM.
 */
class NewerJavaKernelTest {
    static final Path JAVA25 = JavacMatrixTest.JDK25.resolve("bin/java");

    static final String HEADER = """
            package p;

            import org.jbpf.Bpf;
            import org.jbpf.Section;
            import org.jbpf.Struct;
            import org.jbpf.XdpContext;
            import org.jbpf.maps.ArrayMap;

            @Bpf(license = "GPL")
            public final class %s {
                public static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 2);
                public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, 1);

                @Section("xdp")
                static int run(XdpContext ctx) {
                    Long a = in.lookup(0);
                    Long b = in.lookup(1);
                    if (a == null || b == null) return XdpContext.XDP_ABORTED;
                    out.update(0, compute(a, b));
                    return XdpContext.XDP_PASS;
                }
            """;

    /** Type patterns, record patterns with primitive components, and guards, in a helper called with each record. */
    static final String SHAPES = """
                sealed interface Shape permits Circle, Rect, Square {}

                @Struct
                public record Circle(long r) implements Shape {}

                @Struct
                public record Rect(long w, long h) implements Shape {}

                @Struct
                public record Square(long side) implements Shape {}

                static long area(Shape s) {
                    return switch (s) {
                        case Circle c when c.r() > 100 -> -1;
                        case Circle c -> 3 * c.r() * c.r();
                        case Rect(long w, long h) when w > h -> w * h + 1;
                        case Rect(long w, long h) -> w * h;
                        case Square q -> q.side() * q.side();
                    };
                }

                static long compute(long a, long b) {
                    return area(new Circle(a & 0xff)) + area(new Rect(a & 0xfff, b & 0xfff)) * 3 + area(new Square(b & 0xff)) * 7;
                }
            }
            """;

    /** Nested record patterns with var, a sealed sub-interface as a label, a statement switch with default, instanceof patterns. */
    static final String NESTED = """
                sealed interface Node permits Leaf, Pair, Shaped {}

                sealed interface Shaped extends Node permits Dot, Line {}

                @Struct
                public record Leaf(long v) implements Node {}

                @Struct
                public record Point(long x, long y) {}

                @Struct
                public record Pair(Point from, Point to) implements Node {}

                @Struct
                public record Dot(int size) implements Shaped {}

                @Struct
                public record Line(long length) implements Shaped {}

                static long weigh(Node n, long k) {
                    long r = 0;
                    switch (n) {
                        case Leaf(var v) when v > k:
                            r = v - k;
                            break;
                        case Pair(Point(var x1, var y1), Point to) when x1 == to.x():
                            r = y1 - to.y();
                            break;
                        case Pair(Point from, Point(long x2, long y2)):
                            r = from.x() * x2 + from.y() * y2;
                            break;
                        case Shaped s:
                            r = s instanceof Dot(int size) && size > 3 ? size : s instanceof Line l ? l.length() * 2 : 7;
                            break;
                        default:
                            r = 11;
                    }
                    return r;
                }

                static long compute(long a, long b) {
                    long x = a & 0xffff, y = b & 0xffff;
                    return weigh(new Leaf(x), y) + weigh(new Pair(new Point(x, y), new Point(a & 1, y & 7)), 0) * 5
                            + weigh(new Dot((int) (b & 7)), 0) * 7 + weigh(new Line(x), 0) * 11;
                }
            }
            """;

    /** A boxed number or null seen as Object: a type pattern on Long with a guard, case null, and default. */
    static final String BOXED = """
                static long compute(long a, long b) {
                    Object o = b > a ? Long.valueOf(a) : null;
                    return switch (o) {
                        case Long l when l > 5 -> l * 3;
                        case Long l -> l - 1;
                        case null -> -7;
                        default -> 0;
                    };
                }
            }
            """;

    /** Math.clamp of Java 21, to int and long bounds, with a value beyond an int's range. */
    static final String CLAMP = """
                static long compute(long a, long b) {
                    int small = Math.clamp(a, -100, 100);
                    long wide = Math.clamp(b, Long.MIN_VALUE + 5, 1L << 40);
                    int all = Math.clamp(a * 3, Integer.MIN_VALUE, Integer.MAX_VALUE);
                    return small * 1_000_003L + wide + all + Math.clamp(b >> 4, 7, 7);
                }
            }
            """;

    /** Math.ceilDiv and ceilMod of Java 18 on int, long and mixed operands, with zero divisors tested first. */
    static final String CEIL = """
                static long compute(long a, long b) {
                    int x = (int) a, y = (int) b;
                    long r = Math.ceilDiv(a, 7) + Math.ceilMod(x, -4) * 3L + Math.ceilDiv(-9, 2) * 5L + Math.ceilMod(a, 1024) * 7;
                    if (y != 0) r = r * 31 + Math.ceilDiv(x, y) + Math.ceilMod(x, y) * 3L + Math.ceilDiv(a, y) * 5 + Math.ceilMod(a, y) * 7L;
                    if (b != 0) r = r * 31 + Math.ceilDiv(a, b) + Math.ceilMod(a, b) * 3;
                    return r;
                }
            }
            """;

    static List<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (String[] probe : new String[][] {{"SealedShapes", SHAPES}, {"SealedNested", NESTED}, {"BoxedPatterns", BOXED}, {"MathClamp", CLAMP}, {"CeilDivision", CEIL}})
            for (Backend backend : Backend.values()) all.add(Arguments.of(probe[0], backend, probe[1]));
        return all;
    }

    /** Classes compiled once per probe and options, shared by both backends' runs. */
    @TempDir static Path shared;

    /** The classes javac 25 made of a probe with some options, and what compute gives on JDK 25's JVM for each input. */
    record Compiled(Path classes, List<Long> expected) {}

    static final Map<String, Compiled> COMPILED = new HashMap<>();

    static Compiled compiled(String name, String body, String[] options) throws Exception {
        String key = name + " " + String.join(" ", options);
        Compiled done = COMPILED.get(key);
        if (done != null) return done;
        Path src = Files.createDirectories(shared.resolve("src-" + name + "/p"));
        Files.writeString(src.resolve(name + ".java"), HEADER.formatted(name) + body);
        Files.writeString(src.resolve("Runner.java"), RUNNER);
        Path out = shared.resolve(name + String.join("", options).replace("-", "").replace(":", ""));
        JavacMatrixTest.compile(out, JavacMatrixTest.JDK25, new ArrayList<>(List.of(src.resolve(name + ".java"), src.resolve("Runner.java"))), options);
        Compiled made = new Compiled(out, onJdk25(out, "p." + name));
        COMPILED.put(key, made);
        return made;
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("cases")
    void kernelComputesWhatJdk25Computes(String name, Backend backend, String body) throws Exception {
        Skip.unless(Files.isExecutable(JavacMatrixTest.JDK25.resolve("bin/javac")), "javac 25", "no JDK 25 at " + JavacMatrixTest.JDK25);
        int checked = 0;
        for (String[] options : new String[][] {{"--release", "21", "-g"}, {"--release", "25", "-g:none", "-parameters"}}) {
            Compiled c = compiled(name, body, options);
            Path out = c.classes();
            List<Long> expected = c.expected();
            BpfObject object = backend.translate("p." + name, classes(out), new Translator.Options(List.of()));
            for (VerifierResult r : Verifier.verifyAll(object)) assertTrue(r.ok(), name + ": " + r);
            KernelCheck.require();
            try (BPF bpf = BPF.load(object)) {
                BpfMap<Integer, Long> in = bpf.map("in", Integer.class, Long.class), result = bpf.map("out", Integer.class, Long.class);
                for (int k = 0; k < ComputingProbesKernelTest.INPUTS.size(); k++) {
                    long[] ab = ComputingProbesKernelTest.INPUTS.get(k);
                    in.put(0, ab[0]);
                    in.put(1, ab[1]);
                    assertEquals(2, bpf.program("run").testRun(new byte[64], 1).retval());
                    assertEquals(expected.get(k), result.get(0), name + ".compute(" + ab[0] + ", " + ab[1] + ") compiled with " + List.of(options));
                    checked++;
                }
            }
        }
        assertEquals(2 * ComputingProbesKernelTest.INPUTS.size(), checked);
    }

    /** Prints compute(a, b) of the class named first for each pair of numbers on standard input. */
    static final String RUNNER = """
            package p;

            public final class Runner {
                public static void main(String[] args) throws Exception {
                    var compute = Class.forName(args[0]).getDeclaredMethod("compute", long.class, long.class);
                    compute.setAccessible(true);
                    var in = new java.util.Scanner(System.in);
                    var out = new StringBuilder();
                    while (in.hasNextLong()) out.append(compute.invoke(null, in.nextLong(), in.nextLong())).append('\\n');
                    System.out.print(out);
                }
            }
            """;

    /** What compute gives for every input on JDK 25's JVM, which runs the classes javac 25 made. */
    static List<Long> onJdk25(Path classes, String name) throws Exception {
        Process java = new ProcessBuilder(JAVA25.toString(), "-cp", classes + File.pathSeparator + JavacMatrixTest.libraries(), "p.Runner", name)
                .redirectErrorStream(true).start();
        StringBuilder input = new StringBuilder();
        for (long[] ab : ComputingProbesKernelTest.INPUTS) input.append(ab[0]).append(' ').append(ab[1]).append('\n');
        java.getOutputStream().write(input.toString().getBytes(StandardCharsets.UTF_8));
        java.getOutputStream().close();
        String said = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(java.waitFor(2, TimeUnit.MINUTES));
        assertEquals(0, java.exitValue(), said);
        List<Long> out = new ArrayList<>();
        for (String line : said.split("\n")) if (!line.isBlank()) out.add(Long.parseLong(line.trim()));
        assertEquals(ComputingProbesKernelTest.INPUTS.size(), out.size(), said);
        return out;
    }

    static Translator.ClassSource classes(Path out) {
        return name -> {
            Path f = out.resolve(name + ".class");
            if (Files.exists(f)) return Files.readAllBytes(f);
            try (var in = ClassLoader.getSystemResourceAsStream(name + ".class")) {
                return in == null ? null : in.readAllBytes();
            }
        };
    }
}
