package org.jbpf.maven;

import java.io.File;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.jbpf.toolchain.gen.KernelStructGenerator;
import org.jbpf.toolchain.gen.TracepointGenerator;

/**
 * Generates Java classes for kernel data from the build machine's kernel, as {@code jbpf gen tracepoint} and
 * {@code jbpf gen btf} do, into a source root the project compiles: a {@code @Struct} per tracepoint record
 * ({@code <tracepoints>}) and a {@code @KernelType} class per kernel struct the {@code <kernelTypes>} paths reach.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public final class GenerateMojo extends AbstractMojo {
    /** Tracepoints whose records to generate, e.g. {@code syscalls/sys_enter_openat}. */
    @Parameter
    List<String> tracepoints;

    /** Kernel structs and field paths, e.g. {@code task_struct.real_parent.tgid}. */
    @Parameter
    List<String> kernelTypes;

    /** Package of the generated classes. */
    @Parameter(property = "jbpf.generatePackage", required = true)
    String packageName;

    /** Source root the classes go to; it is added to the project's compile sources. */
    @Parameter(property = "jbpf.generatedSources", defaultValue = "${project.build.directory}/generated-sources/jbpf", required = true)
    File outputDirectory;

    /** The kernel BTF to read structs from. */
    @Parameter(property = "jbpf.btf", defaultValue = "/sys/kernel/btf/vmlinux")
    File btf;

    @Parameter(defaultValue = "${project}", readonly = true)
    MavenProject project;

    @Override public void execute() throws MojoExecutionException {
        Path out = outputDirectory.toPath();
        try {
            if (tracepoints != null) {
                TracepointGenerator gen = TracepointGenerator.kernel();
                for (String tp : tracepoints) getLog().info("jbpf: wrote " + gen.generate(tp, out, packageName));
            }
            if (kernelTypes != null && !kernelTypes.isEmpty())
                for (Path file : new KernelStructGenerator(btf.toPath()).generate(kernelTypes, out, packageName))
                    getLog().info("jbpf: wrote " + file);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new MojoExecutionException("jbpf: " + e.getMessage());
        }
        project.addCompileSourceRoot(out.toString());
    }
}
