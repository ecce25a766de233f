package org.jbpf.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * A command line picocli cannot parse (an unknown option or command, a missing value): one line saying what is wrong,
 * then the command's synopsis and where its options are described, and exit status 2. Picocli's own answer was its
 * message without the {@code jbpf: } of every other error, followed by the whole help text.
 */
final class UsageErrorHandler implements CommandLine.IParameterExceptionHandler {
    /** Made here for the reason {@link Main}'s error handler is: Main must not name picocli's interfaces. */
    static CommandLine.IParameterExceptionHandler create() { return new UsageErrorHandler(); }

    @Override public int handleParseException(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("jbpf: " + line(e, cmd));
        CommandLine.Help help = cmd.getHelp();
        err.print(help.synopsisHeading() + help.synopsis(help.synopsisHeadingLength()));
        err.println(cmd.getCommandSpec().qualifiedName() + " --help describes " + (cmd.getSubcommands().isEmpty() ? "every option" : "every command"));
        err.flush();
        return ExitCodes.USAGE;
    }

    /** What is wrong, in the words of jbpf's other errors. */
    static String line(CommandLine.ParameterException e, CommandLine cmd) {
        if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String first = u.getUnmatched().get(0);
            String near = u.getSuggestions().isEmpty() ? "" : "; did you mean " + String.join(" or ", u.getSuggestions()) + "?";
            if (first.startsWith("-")) return "unknown option '" + first + "'" + near;
            if (!cmd.getSubcommands().isEmpty()) return "unknown command '" + first + "'" + near;
            return "unexpected argument '" + first + "'";
        }
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        int nl = m.indexOf('\n');
        if (nl >= 0) m = m.substring(0, nl);
        return m.isEmpty() ? m : Character.toLowerCase(m.charAt(0)) + m.substring(1);
    }
}
