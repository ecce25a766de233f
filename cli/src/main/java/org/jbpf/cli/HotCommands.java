package org.jbpf.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The start-up path of the commands people run most, {@code translate} and {@code run} (and {@code --version}), without picocli: picocli's
 * Java 5 class files cannot go into the start-up archive, and setting it up by reflection costs several times what
 * translating a probe does. This parser knows only the common options of those two commands, in their plain forms
 * ({@code -o DIR}, not {@code -o=DIR}); a command line with anything else (help, another option, a bad value) is left
 * to picocli, which parses, checks and explains it as always. Both set the same fields of the same command objects.
 */
final class HotCommands {
    private HotCommands() {}

    /** The command {@code args} asks for, set up and ready to call, or null when picocli should parse them. */
    static Parsed parse(String... args) {
        if (args.length == 0) return null;
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) return new Parsed(new Version(), false);
        List<String> rest = new ArrayList<>(List.of(args).subList(1, args.length));
        boolean verbose = rest.remove("--verbose");
        if (rest.contains("--verbose")) return null;
        Callable<Integer> command = switch (args[0]) {
            case "translate" -> translate(rest);
            case "run" -> run(rest);
            default -> null;
        };
        return command == null ? null : new Parsed(command, verbose);
    }

    /** A command ready to call, and whether errors are reported with their stack traces. */
    record Parsed(Callable<Integer> command, boolean verbose) {
        /** Calls the command and reports an error as picocli's path does ({@link Main#report}); returns the exit status. */
        int execute() {
            try {
                return command.call();
            } catch (Exception e) {
                PrintWriter err = new PrintWriter(System.err, true);
                int status = Main.report(e, verbose, err);
                err.flush();
                return status;
            }
        }
    }

    private static TranslateCommand translate(List<String> args) {
        TranslateCommand c = new TranslateCommand();
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("-")) {
                inputs.add(a);
                continue;
            }
            if (a.equals("--no-verify")) {
                c.noVerify = true;
                continue;
            }
            if (i + 1 == args.size()) return null;
            String v = args.get(++i);
            switch (a) {
                case "-o", "--output" -> c.output = Path.of(v);
                case "-cp", "--classpath" -> c.classpath.addAll(paths(v));
                case "--emit" -> c.emit = v;
                case "--backend" -> c.backend = v;
                default -> { return null; }
            }
        }
        if (inputs.isEmpty()) return null;
        c.inputs = inputs;
        return c;
    }

    private static RunCommand run(List<String> args) {
        RunCommand c = new RunCommand();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("-")) {
                if (c.probe != null) return null;
                c.probe = a;
                continue;
            }
            if (a.equals("--clear") || a.equals("--per-cpu")) {
                if (a.equals("--clear")) c.clear = true;
                else c.perCpu = true;
                continue;
            }
            if (i + 1 == args.size()) return null;
            String v = args.get(++i);
            switch (a) {
                case "-cp", "--classpath" -> c.classpath.addAll(paths(v));
                case "-d", "--duration" -> c.duration = v;
                case "-i", "--interval" -> c.interval = v;
                case "--format" -> {
                    if (!v.equals("text") && !v.equals("json") && !v.equals("folded")) return null;
                    c.format = OutputFormat.valueOf(v);
                }
                case "--top" -> {
                    if (!v.matches("[0-9]{1,9}")) return null;
                    c.top = Integer.parseInt(v);
                }
                default -> { return null; }
            }
        }
        return c.probe == null ? null : c;
    }

    /**
     * {@code jbpf --version}, as picocli's standard option prints it; a class, not a method reference, whose first call
     * would set up the JVM's method handles, the largest part of this command's own time.
     */
    private static final class Version implements Callable<Integer> {
        @Override public Integer call() {
            System.out.println(Main.VERSION);
            return ExitCodes.OK;
        }
    }

    /** A colon-separated path list, as picocli splits it. */
    private static List<Path> paths(String list) {
        List<Path> out = new ArrayList<>();
        for (String p : list.split(":")) out.add(Path.of(p));
        return out;
    }

    /** Used by tests: which path a command line takes. */
    static boolean handles(String... args) { return parse(args) != null; }
}
