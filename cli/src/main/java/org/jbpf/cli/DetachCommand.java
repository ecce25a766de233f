package org.jbpf.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "detach", mixinStandardHelpOptions = true,
        description = "Detach probes that jbpf attach (or -javaagent) loaded into a running JVM, and remove their MBeans.",
        footer = {"", "Exit status: 0 detached, 1 a named probe was not attached or no such JVM, 2 usage error, 4 the JVM is another user's."})
final class DetachCommand implements Callable<Integer> {
    @Mixin AgentTarget target;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "PROBE", description = "binary names of the probes (default: every probe)")
    List<String> probes;

    @Override public Integer call() throws Exception {
        return target.send("detach=" + (probes == null || probes.isEmpty() ? "*" : String.join(",", probes)));
    }
}
