package org.jbpf.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.jbpf.loader.VerifierException;
import org.jbpf.loader.VerifierReason;
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
@Command(name = "jbpf", mixinStandardHelpOptions = true, version = Main.VERSION,
        description = "Translate Java probe classes to eBPF, verify, load and attach them, and read their maps.",
        footer = {"", ExitCodes.HELP})
public final class Main implements Callable<Integer> {
    /** What {@code jbpf --version} prints. */
    static final String VERSION = "jbpf 0.1.0";

    /** The subcommands, in the order help lists them; see {@link #commandLine(String...)}. */
    private static final String[] SUBCOMMANDS = {"translate", "verify", "disasm", "run", "maps", "map", "trace", "attach",
            "detach", "completion", "gen", "help"};

    @Option(names = "--verbose", description = "print stack traces of errors and the whole verifier log of a rejected program", scope = CommandLine.ScopeType.INHERIT)
    boolean verbose;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override public Integer call() {
        spec.commandLine().usage(System.out);
        return ExitCodes.OK;
    }

    public static void main(String[] args) {
        LoggingAhead.startFor(args);
        int status = run(args);
        // halt, not System.exit: on JDK 21+ exit first looks up a System.Logger to log the exit, which sets up
        // java.util.logging, 16 ms of CPU in a cold JVM. No shutdown hook of jbpf is left once run returns (run's
        // Ctrl-C hook is removed on its way out), so only the streams need flushing.
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(status);
    }

    public static int run(String... args) {
        HotCommands.Parsed hot = HotCommands.parse(args);
        if (hot != null) return hot.execute();
        return commandLine(args).execute(args);
    }

    /**
     * The command line for {@code args}, when {@link HotCommands} leaves them to picocli. Picocli inspects every subcommand it is given by reflection, which costs more
     * start-up time than most commands run for, so a command line naming a subcommand gets only that one; anything
     * else (help, completion, no subcommand, a typo) gets them all.
     */
    static CommandLine commandLine(String... args) {
        CommandLine cl = new CommandLine(new Main());
        String first = args.length > 0 ? args[0] : "";
        boolean one = !first.equals("help") && !first.equals("completion") && java.util.Arrays.asList(SUBCOMMANDS).contains(first);
        for (String name : SUBCOMMANDS)
            if (!one || name.equals(first)) cl.addSubcommand(name, subcommand(name));
        cl.setExecutionExceptionHandler(ErrorHandler.create());
        cl.setParameterExceptionHandler(UsageErrorHandler.create());
        return cl;
    }

    private static Object subcommand(String name) {
        switch (name) {
            case "translate": return new TranslateCommand();
            case "verify": return new VerifyCommand();
            case "disasm": return new DisasmCommand();
            case "run": return new RunCommand();
            case "maps": return new MapsCommand();
            case "map": return new MapCommand();
            case "trace": return new TraceCommand();
            case "attach": return new AttachCommand();
            case "detach": return new DetachCommand();
            case "completion": return new CompletionCommand();
            case "gen": return new GenCommand();
            default: return new CommandLine.HelpCommand();
        }
    }

    /** Prints an error as one line (a stack trace or the whole verifier log with --verbose) and picks the exit status. */
    private static final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
        /**
         * Made here, not in {@link #commandLine}: checking that an ErrorHandler is a picocli handler loads picocli's
         * interface, and the verifier would do that for Main itself on the picocli-free path too.
         */
        static CommandLine.IExecutionExceptionHandler create() { return new ErrorHandler(); }

        @Override public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
            return report(e, verbose(parsed), cmd.getErr());
        }
    }

    /** Prints a command's error to {@code err} as one line, or with its stack trace or verifier log; returns the exit status. */
    static int report(Exception e, boolean verbose, PrintWriter err) {
        String head = "jbpf: ";
        if (e instanceof FailureIn f) {
            head += f.input + ": ";
            e = f.cause();
        }
        if (e instanceof VerifierException v) {
            err.println(head + VerifierReason.line(v, "--verbose prints the whole verifier log"));
            if (verbose) err.println("verifier log:\n" + v.log().stripTrailing());
        } else if (verbose) e.printStackTrace(err);
        else err.println(head + oneLine(e));
        return exitCode(e);
    }

    /** The exit status an error ends the command with; see {@link ExitCodes}. */
    static int exitCode(Throwable e) {
        if (e instanceof FailureIn f) return exitCode(f.cause());
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

    /**
     * A failure while using one input (an object file the command loads) whose message names a part of it (a program,
     * a map) but not the input itself: reported as {@code jbpf: <input>: <message>}, with the exit status of the cause.
     */
    static final class FailureIn extends RuntimeException {
        final String input;

        private FailureIn(String input, RuntimeException cause) {
            super(cause.getMessage(), cause);
            this.input = input;
        }

        /** {@code e} naming {@code input}: itself when its message does already. */
        static RuntimeException of(String input, RuntimeException e) {
            String m = e.getMessage();
            return m != null && m.contains(input) ? e : new FailureIn(input, e);
        }

        RuntimeException cause() { return (RuntimeException) getCause(); }
    }
}
