package org.jbpf.cli;

import java.util.concurrent.Callable;
import org.jbpf.loader.VerifierException;
import org.jbpf.loader.sys.BpfException;
import org.jbpf.translator.TranslationException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code jbpf} command. Errors are one line on stderr (stack traces with --verbose; for a program the kernel
 * verifier refused, its reason on that line and the whole verifier log with --verbose); the exit status is one of
 * {@link ExitCodes}.
 */
@Command(name = "jbpf", mixinStandardHelpOptions = true, version = "jbpf 0.1.0",
        description = "Translate Java probe classes to eBPF, verify, load and attach them, and read their maps.",
        footer = {"", ExitCodes.HELP},
        subcommands = {TranslateCommand.class, VerifyCommand.class, DisasmCommand.class, RunCommand.class,
                MapsCommand.class, MapCommand.class, TraceCommand.class, AttachCommand.class, DetachCommand.class, CompletionCommand.class, GenCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer> {
    @Option(names = "--verbose", description = "print stack traces of errors and the whole verifier log of a rejected program", scope = CommandLine.ScopeType.INHERIT)
    boolean verbose;

    @Override public Integer call() {
        new CommandLine(this).usage(System.out);
        return ExitCodes.OK;
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            boolean verbose = parsed.matchedOption("--verbose") != null
                    || parsed.subcommands().stream().anyMatch(Main::verbose);
            if (e instanceof VerifierException v) {
                cmd.getErr().println("jbpf: " + VerifierReason.line(v));
                if (verbose) cmd.getErr().println("verifier log:\n" + v.log().stripTrailing());
            } else if (verbose) e.printStackTrace(cmd.getErr());
            else cmd.getErr().println("jbpf: " + oneLine(e));
            return exitCode(e);
        });
        return cl;
    }

    /** The exit status an error ends the command with; see {@link ExitCodes}. */
    static int exitCode(Throwable e) {
        if (e instanceof CommandFailure f) return f.exitCode;
        if (e instanceof TranslationException) return ExitCodes.REJECTED;
        if (e instanceof BpfException b && (b.errno() == EPERM || b.errno() == EACCES)) return ExitCodes.NO_PRIVILEGE;
        return ExitCodes.FAILED;
    }

    private static final int EPERM = 1, EACCES = 13;

    private static boolean verbose(CommandLine.ParseResult p) {
        return p.matchedOption("--verbose") != null || p.subcommands().stream().anyMatch(Main::verbose);
    }

    /** The message of an error, first line only; errors without a message show their type. */
    static String oneLine(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) return e.getClass().getSimpleName() + (e.getCause() != null ? ": " + oneLine(e.getCause()) : "");
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl) + " (--verbose for more)";
    }

    /** A failure whose message is already the whole story, with its exit status. */
    static final class CommandFailure extends RuntimeException {
        final int exitCode;

        CommandFailure(int exitCode, String message) {
            super(message);
            this.exitCode = exitCode;
        }
    }
}
