package org.jbpf.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
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
import org.jbpf.cli.ObjectVerifier;
import org.jbpf.cli.ProbeInputs;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.ObjectWriter;
import org.jbpf.translator.TranslationException;
import org.jbpf.translator.Translator;

/**
 * Translates every {@code @Bpf} class of the project's compiled classes into a BPF ELF object and checks it with the
 * verifier simulation. A probe that does not translate or verify fails the build with its Java position.
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

    /** Compile class path: struct classes of the probes may come from dependencies. */
    @Parameter(defaultValue = "${project.compileClasspathElements}", readonly = true)
    List<String> classpath;

    /** Check each object with the verifier simulation. */
    @Parameter(property = "jbpf.verify", defaultValue = "true")
    boolean verify;

    @Parameter(property = "jbpf.skip", defaultValue = "false")
    boolean skip;

    /** Code generator: {@code direct} (built in) or {@code llvm} (LLVM's BPF target through bytedeco). */
    @Parameter(property = "jbpf.backend", defaultValue = "direct")
    String backend;

    @Override public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("jbpf: skipped");
            return;
        }
        if (!"direct".equals(backend) && !"llvm".equals(backend))
            throw new MojoExecutionException("jbpf: backend '" + backend + "' is not known; use direct or llvm");
        if ("llvm".equals(backend) && org.jbpf.translator.llvm.LlvmBackend.unavailableReason() != null)
            throw new MojoExecutionException("jbpf: backend llvm: " + org.jbpf.translator.llvm.LlvmBackend.unavailableReason());
        if (!classesDirectory.isDirectory()) {
            getLog().info("jbpf: no classes in " + classesDirectory + "; nothing to translate");
            return;
        }
        ProbeInputs inputs;
        try {
            inputs = ProbeInputs.of(List.of(classesDirectory.getPath()), paths(classpath));
        } catch (IOException e) {
            throw new MojoExecutionException("jbpf: cannot read " + classesDirectory + ": " + e.getMessage(), e);
        }
        if (inputs.probes.isEmpty()) {
            getLog().info("jbpf: no @Bpf classes in " + classesDirectory);
            return;
        }
        Translator.Options options = new Translator.Options(paths(sourceRoots));
        List<String> failures = new ArrayList<>();
        boolean warnedUnverified = false;
        for (byte[] probe : inputs.probes) {
            BpfObject object;
            try {
                object = "llvm".equals(backend) ? org.jbpf.translator.llvm.LlvmBackend.translate(probe, inputs.source(), options)
                        : Translator.translate(probe, inputs.source(), options);
            } catch (TranslationException e) {
                failures.add(e.getMessage());
                getLog().error(e.getMessage());
                continue;
            }
            if (verify) {
                ObjectVerifier.Outcome outcome = ObjectVerifier.verify(object);
                if (!outcome.available() && !warnedUnverified) {
                    getLog().warn(ObjectVerifier.unavailableMessage(object.name()) + " (and the other probes)");
                    warnedUnverified = true;
                }
                for (ObjectVerifier.Problem p : outcome.problems()) {
                    failures.add(p.toString());
                    getLog().error(p.toString());
                }
                if (!outcome.problems().isEmpty()) continue;
            }
            write(object);
        }
        if (!failures.isEmpty())
            throw new MojoFailureException(failures.size() == 1 ? failures.get(0)
                    : failures.size() + " probe problems:\n" + String.join("\n", failures));
    }

    private void write(BpfObject object) throws MojoExecutionException {
        Path out = outputDirectory.toPath().resolve(object.name() + ".o");
        try {
            Files.createDirectories(out.getParent());
            Files.write(out, ObjectWriter.write(object));
        } catch (IOException e) {
            throw new MojoExecutionException("jbpf: cannot write " + out + ": " + e.getMessage(), e);
        }
        getLog().info("jbpf: wrote " + out + " (" + object.programs().size() + " programs, " + object.maps().size() + " maps)");
    }

    private static List<Path> paths(List<String> names) {
        List<Path> out = new ArrayList<>();
        if (names != null) for (String n : names) out.add(Path.of(n));
        return out;
    }
}
