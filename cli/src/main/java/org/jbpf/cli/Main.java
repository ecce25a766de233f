package org.jbpf.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code jbpf} command. Errors are one line on stderr (stack traces with --verbose); exit code 1 on failure. */
@Command(name = "jbpf", mixinStandardHelpOptions = true, version = "jbpf 0.1.0",
        description = "Translate Java probe classes to eBPF, load them and read their maps.",
        subcommands = {TranslateCommand.class, DisasmCommand.class, RunCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer> {
    @Option(names = "--verbose", description = "print stack traces of errors", scope = CommandLine.ScopeType.INHERIT)
    boolean verbose;

    @Override public Integer call() {
        new CommandLine(this).usage(System.out);
        return 0;
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            boolean verbose = parsed.matchedOption("--verbose") != null
                    || parsed.subcommands().stream().anyMatch(p -> p.matchedOption("--verbose") != null);
            if (verbose) e.printStackTrace();
            else cmd.getErr().println("jbpf: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
            return 1;
        });
        return cl.execute(args);
    }
}
