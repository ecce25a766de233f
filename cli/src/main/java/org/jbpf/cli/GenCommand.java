package org.jbpf.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.jbpf.toolchain.gen.KernelStructGenerator;
import org.jbpf.toolchain.gen.TracepointGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "gen", mixinStandardHelpOptions = true, footer = {"", ExitCodes.HELP},
        description = "Generate Java sources from the running kernel's type descriptions.",
        subcommands = {GenCommand.Tracepoint.class, GenCommand.KernelBtf.class})
final class GenCommand implements Callable<Integer> {
    @Override public Integer call() {
        new picocli.CommandLine(this).usage(System.out);
        return ExitCodes.OK;
    }

    @Command(name = "tracepoint", mixinStandardHelpOptions = true, footer = {"", ExitCodes.HELP},
            description = "Write a @Struct class laid out like each tracepoint's record, from /sys/kernel/tracing/events/<category>/<name>/format.")
    static final class Tracepoint implements Callable<Integer> {
        @Parameters(paramLabel = "CATEGORY/NAME", arity = "1..*", description = "tracepoints, e.g. syscalls/sys_enter_openat")
        List<String> tracepoints;

        @Mixin Destination to;

        @Override public Integer call() {
            TracepointGenerator gen = new TracepointGenerator(TracefsRoots.holding(TracefsRoots.DEFAULT, "events"));
            for (String tp : tracepoints) System.out.println(gen.generate(tp, to.output, to.pkg));
            return ExitCodes.OK;
        }
    }

    @Command(name = "btf", mixinStandardHelpOptions = true, footer = {"", ExitCodes.HELP},
            description = "Write a @KernelType class for each kernel struct the arguments reach, from /sys/kernel/btf/vmlinux: "
                    + "STRUCT selects all its readable fields, STRUCT.FIELD.FIELD... the fields along a path through pointers.")
    static final class KernelBtf implements Callable<Integer> {
        @Parameters(paramLabel = "STRUCT[.FIELD...]", arity = "1..*", description = "e.g. task_struct.real_parent.tgid task_struct.comm")
        List<String> specs;

        @Mixin Destination to;

        @Option(names = "--btf", defaultValue = "/sys/kernel/btf/vmlinux", description = "kernel BTF to read (default: /sys/kernel/btf/vmlinux)")
        Path btf;

        @Override public Integer call() {
            for (Path file : new KernelStructGenerator(btf).generate(specs, to.output, to.pkg)) System.out.println(file);
            return ExitCodes.OK;
        }
    }

    /** Where both generators write: a source directory and a package within it (a picocli mixin). */
    static final class Destination {
        @Option(names = {"-o", "--output"}, defaultValue = ".", description = "source directory to write into (default: .)")
        Path output;

        @Option(names = {"-p", "--package"}, defaultValue = "", description = "package of the generated classes")
        String pkg;
    }
}
