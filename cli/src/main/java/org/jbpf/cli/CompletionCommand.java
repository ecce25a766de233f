package org.jbpf.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print a bash/zsh completion script for jbpf.", "Use: source <(bin/jbpf completion)"})
final class CompletionCommand implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @Override public Integer call() {
        System.out.print(AutoComplete.bash("jbpf", spec.parent().commandLine()));
        return ExitCodes.OK;
    }
}
