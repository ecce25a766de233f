package org.jbpf.it.javac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jbpf.testsupport.Skip;
import org.jbpf.translator.TranslationException;
import org.jbpf.translator.Translator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Constructs only javac 21 and later write, which the build's javac cannot compile and which have no BPF form (a
 * switch with case null over an enum, Math.clamp with bounds known only when the program runs; pattern switches over
 * structs and clamp with constant bounds translate, see {@link NewerJavaKernelTest}):
 * each is refused at its line with what to write instead, and without line numbers ({@code -g:none}) with the class, program,
 * method and bytecode offset and how to get lines.
 */
class NewerJavaTest {
    static final String SWITCH = """
            package p;

            import org.jbpf.Bpf;
            import org.jbpf.Section;
            import org.jbpf.XdpContext;
            import org.jbpf.maps.ArrayMap;

            @Bpf(license = "GPL")
            public final class PatternSwitch {
                public static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 2);

                @Section("xdp")
                static int run(XdpContext ctx) {
                    Mode m = Mode.UP;
                    return switch (m) {
                        case UP -> 2;
                        case null -> 1;
                        default -> 0;
                    };
                }

                enum Mode { UP, DOWN }
            }
            """;

    @Test void aSwitchWithCaseNullIsRefusedWithWhatToWriteInstead(@TempDir Path tmp) throws Exception {
        Skip.unless(Files.isExecutable(JavacMatrixTest.JDK25.resolve("bin/javac")), "javac 25", "no JDK 25 javac at " + JavacMatrixTest.JDK25);
        Path src = Files.createDirectories(tmp.resolve("src/p")).resolve("PatternSwitch.java");
        Files.writeString(src, SWITCH);
        String why = "a switch with case null over an enum, string or number, or with patterns among constant labels (javac 21 and "
                + "later compile it to a SwitchBootstraps.typeSwitch call, which a BPF program cannot make); test for null before the "
                + "switch, and switch over the enum, int or char itself (patterns over @Struct classes alone translate)";
        assertEquals("PatternSwitch.java:15: " + why, refusal(tmp.resolve("g"), src, "-g"));
        assertEquals("PatternSwitch.java: class p.PatternSwitch, program run (compiled without line numbers; compile with javac -g "
                + "to see them): method run, bytecode offset 10: " + why, refusal(tmp.resolve("none"), src, "-g:none"));
    }

    static final String CLAMP = """
            package p;

            import org.jbpf.Bpf;
            import org.jbpf.Section;
            import org.jbpf.XdpContext;
            import org.jbpf.maps.ArrayMap;

            @Bpf(license = "GPL")
            public final class VariableClamp {
                public static final ArrayMap<Long> in = new ArrayMap<>(Long.class, 2);

                @Section("xdp")
                static int run(XdpContext ctx) {
                    Long a = in.lookup(0), b = in.lookup(1);
                    if (a == null || b == null) return XdpContext.XDP_ABORTED;
                    return Math.clamp(a, 0, b.intValue()) > 5 ? XdpContext.XDP_PASS : XdpContext.XDP_DROP;
                }
            }
            """;

    @Test void mathClampWithBoundsKnownOnlyWhenRunningIsRefused(@TempDir Path tmp) throws Exception {
        Skip.unless(Files.isExecutable(JavacMatrixTest.JDK25.resolve("bin/javac")), "javac 25", "no JDK 25 javac at " + JavacMatrixTest.JDK25);
        Path src = Files.createDirectories(tmp.resolve("src/p")).resolve("VariableClamp.java");
        Files.writeString(src, CLAMP);
        assertEquals("VariableClamp.java:16: Math.clamp throws when its minimum is above its maximum, which a BPF program cannot; give "
                + "it constant bounds in order, or write Math.min(Math.max(value, min), max)", refusal(tmp.resolve("g"), src, "-g"));
    }

    private static String refusal(Path out, Path src, String debug) throws Exception {
        JavacMatrixTest.compile(out, JavacMatrixTest.JDK25, new java.util.ArrayList<>(List.of(src)), "--release", "21", debug);
        Translator.ClassSource classes = name -> {
            Path f = out.resolve(name + ".class");
            if (Files.exists(f)) return Files.readAllBytes(f);
            try (var in = ClassLoader.getSystemResourceAsStream(name + ".class")) {
                return in == null ? null : in.readAllBytes();
            }
        };
        String name = "p." + src.getFileName().toString().replace(".java", "");
        return assertThrows(TranslationException.class,
                () -> Translator.translate(name, classes, new Translator.Options(List.of()))).getMessage();
    }
}
