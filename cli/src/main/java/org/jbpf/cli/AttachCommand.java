package org.jbpf.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "attach", mixinStandardHelpOptions = true,
        description = {"Load the jbpf agent into a running JVM, which translates the named probe classes with its own "
                + "class loader, attaches them and publishes their maps as JMX MBeans (org.jbpf:type=map,...).",
                "Prints the agent's verdict on each probe; a probe that fails does not stop the others or the application."},
        footer = {"", "Exit status: 0 every probe attached, 1 a probe failed or no such JVM, 2 usage error, 4 the JVM is another user's."})
final class AttachCommand implements Callable<Integer> {
    @Mixin AgentTarget target;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "PROBE", description = "binary names of @Bpf classes, e.g. com.acme.MyProbe")
    List<String> probes;

    @Option(names = "--jvm-only", description = "the probes' tracing programs see only that JVM's threads, not every process")
    boolean jvmOnly;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override public Integer call() throws Exception {
        boolean verbose = spec != null && spec.commandLine().getParseResult().hasMatchedOption("--verbose");
        return target.send("probes=" + String.join(",", probes) + (jvmOnly ? ";scope=jvm" : "") + (verbose ? ";verbose" : ""));
    }

    /**
     * Prints each verdict line: "ok" ones on stdout, "failed" ones on stderr, and the lines under a failed one (its
     * verifier log, with --verbose) on stderr as they are; exit 1 when any failed.
     */
    static int printVerdict(String pid, List<String> verdict) {
        boolean failed = false;
        for (String line : verdict) {
            if (line.startsWith("failed: ")) {
                failed = true;
                System.err.println("jbpf: JVM " + pid + ": " + line.substring("failed: ".length()));
            } else if (!line.startsWith("ok: ")) {
                System.err.println(line);
            } else {
                System.out.println("JVM " + pid + ": " + line.replaceFirst("^ok: ", ""));
            }
        }
        return failed ? ExitCodes.FAILED : ExitCodes.OK;
    }
}
