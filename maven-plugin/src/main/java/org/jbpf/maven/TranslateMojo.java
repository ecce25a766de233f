package org.jbpf.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.toolchain.Backend;
import org.jbpf.toolchain.Backends;
import org.jbpf.toolchain.ObjectVerifier;
import org.jbpf.toolchain.ProbeInputs;
import org.jbpf.toolchain.Toolchain;
import org.jbpf.translator.TranslationException;
import org.jbpf.translator.Translator;

/**
 * Translates every {@code @Bpf} class of the project's compiled classes into a BPF ELF object and checks it with the
 * verifier simulation. A probe that does not translate or verify fails the build with its position in the project
 * (e.g. {@code src/main/java/com/acme/NoNull.java:12: ...}) and gets no object file.
 */
@Mojo(name = "translate", defaultPhase = LifecyclePhase.PROCESS_CLASSES, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.COMPILE)
public final class TranslateMojo extends AbstractMojo {
    /** Where the compiled probe classes are. */
    @Parameter(defaultValue = "${project.build.outputDirectory}", required = true)
    File classesDirectory;

    /** Where the .o files go. */
    @Parameter(property = "jbpf.outputDirectory", defaultValue = "${project.build.directory}/jbpf", required = true)
    File outputDirectory;

    /** Source roots, so the objects' line info carries the Java source text. */
    @Parameter(defaultValue = "${project.compileSourceRoots}", readonly = true)
    List<String> sourceRoots;

    /** The project's directory, which error positions are relative to. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true)
    File basedir;

    /** Compile class path: struct classes of the probes may come from dependencies. */
    @Parameter(defaultValue = "${project.compileClasspathElements}", readonly = true)
    List<String> classpath;

    /** Check each object with the verifier simulation. */
    @Parameter(property = "jbpf.verify", defaultValue = "true")
    boolean verify;

    @Parameter(property = "jbpf.skip", defaultValue = "false")
    boolean skip;

    /**
     * Code generator: {@code direct} (built in) or {@code llvm} (LLVM's BPF target; add
     * {@code org.jbpf:jbpf-translator-llvm} to the plugin's dependencies).
     */
    @Parameter(property = "jbpf.backend", defaultValue = Backends.DIRECT)
    String backend;

    /** A class with {@code @Section} methods but no {@code @Bpf} is not translated: {@code warn} (default) or {@code fail}. */
    @Parameter(property = "jbpf.missingBpf", defaultValue = "warn")
    String missingBpf;

    @Override public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("jbpf: skipped");
            return;
        }
        if (!missingBpf.equals("warn") && !missingBpf.equals("fail"))
            throw new MojoExecutionException("jbpf: missingBpf '" + missingBpf + "' is not known; use warn or fail");
        Backend selected;
        try {
            selected = Backends.named(backend);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("jbpf: " + e.getMessage());
        }
        if (!classesDirectory.isDirectory()) {
            getLog().info("jbpf: no classes in " + classesDirectory + "; nothing to translate");
            return;
        }
        ProbeInputs inputs;
        try {
            inputs = ProbeInputs.of(List.of(classesDirectory.getPath()), paths(classpath));
        } catch (IOException e) {
            throw new MojoExecutionException("jbpf: cannot read " + classesDirectory + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {  // a damaged @Bpf class: its file and what to do
            throw new MojoExecutionException("jbpf: " + e.getMessage());
        }
        for (String skipped : inputs.unreadable) getLog().warn("jbpf: " + skipped);
        String clash = inputs.clashingObjects(outputDirectory.toPath());
        if (clash != null) {
            String message = "jbpf: " + clash.replace("translate them one at a time into different output directories", "move one to another module");
            getLog().error(message);
            throw new MojoFailureException(message);
        }
        List<String> failures = new ArrayList<>();
        for (String c : inputs.unannotated) {
            String message = ProbeInputs.missingBpf(c);
            if (missingBpf.equals("fail")) {
                failures.add(message);
                getLog().error("jbpf: " + message);
            } else {
                getLog().warn("jbpf: " + message + " (-Djbpf.missingBpf=fail makes this an error)");
            }
        }
        if (inputs.probes.isEmpty() && failures.isEmpty()) {
            getLog().info("jbpf: no @Bpf classes in " + classesDirectory);
            return;
        }
        List<Path> roots = paths(sourceRoots);
        SourcePositions positions = new SourcePositions(basedir.toPath(), roots);
        Toolchain toolchain = new Toolchain(selected, new Translator.Options(roots), verify);
        for (byte[] probe : inputs.probes) {
            String className = new org.objectweb.asm.ClassReader(probe).getClassName().replace('/', '.');
            String objectName = className.substring(className.lastIndexOf('.') + 1);
            try {
                Toolchain.Translated t = toolchain.translate(probe, inputs.source());
                for (ObjectVerifier.Problem p : t.verdict() == null ? List.<ObjectVerifier.Problem>of() : t.verdict().problems()) {
                    failures.add(positions.rewrite(p.toString(), className));
                    getLog().error(failures.get(failures.size() - 1));
                }
                if (t.accepted()) write(t.object());
                else Toolchain.removeStale(t.object().name(), outputDirectory.toPath());
            } catch (TranslationException e) {
                failures.add(positions.rewrite(e.getMessage(), className));
                getLog().error(failures.get(failures.size() - 1));
                removeStale(objectName);
            } catch (IOException e) {
                throw new MojoExecutionException("jbpf: cannot write to " + outputDirectory + ": " + e.getMessage(), e);
            }
        }
        if (!failures.isEmpty())
            throw new MojoFailureException(failures.size() == 1 ? failures.get(0)
                    : failures.size() + " probe problems:\n" + String.join("\n", failures));
    }

    private void write(BpfObject object) throws MojoExecutionException {
        try {
            Path out = Toolchain.write(object, outputDirectory.toPath());
            getLog().info("jbpf: " + Toolchain.wrote(out, object));
        } catch (IOException e) {
            throw new MojoExecutionException("jbpf: cannot write to " + outputDirectory + ": " + e.getMessage(), e);
        }
    }

    private void removeStale(String objectName) throws MojoExecutionException {
        try {
            Toolchain.removeStale(objectName, outputDirectory.toPath());
        } catch (IOException e) {
            throw new MojoExecutionException("jbpf: cannot remove the stale " + objectName + ".o: " + e.getMessage(), e);
        }
    }

    private static List<Path> paths(List<String> names) {
        List<Path> out = new ArrayList<>();
        if (names != null) for (String n : names) out.add(Path.of(n));
        return out;
    }
}
