package org.jbpf.it.semantics;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Generated random probes with state written out and compiled: each program {@code i} as a probe ({@code src/gen})
 * and as its plain Java copy ({@code src/ref}), both classes named {@code P<i>}, compiled together into a directory
 * of their own so that each batch can be loaded by its own class loader.
 */
final class ProbeSources {
    /** A generator's text of program {@code i}, as the probe or ({@code java}) as the JVM's copy. */
    interface Generator { String source(int i, boolean java); }

    private ProbeSources() {}

    /** Writes programs [from, to) as probe and Java copy and compiles them into {@code dir/classes<from>}. */
    static Path compile(Generator generator, Path dir, int from, int to, long seed) throws Exception {
        Path gen = Files.createDirectories(dir.resolve("src/gen")), ref = Files.createDirectories(dir.resolve("src/ref"));
        Path classes = Files.createDirectories(dir.resolve("classes" + from));
        List<String> args = new ArrayList<>(List.of("--release", "17", "-g", "-nowarn", "-d", classes.toString(), "-cp", System.getProperty("java.class.path")));
        for (int i = from; i < to; i++) {
            Path p = gen.resolve("P" + i + ".java"), r = ref.resolve("P" + i + ".java");
            Files.writeString(p, generator.source(i, false));
            Files.writeString(r, generator.source(i, true));
            args.add(p.toString());
            args.add(r.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, args.toArray(new String[0])), "javac failed (seed " + seed + ")");
        return classes;
    }
}
