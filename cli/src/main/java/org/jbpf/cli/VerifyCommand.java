package org.jbpf.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.toolchain.ObjectVerifier;
import org.jbpf.toolchain.ProbeObjects;
import org.jbpf.translator.Translator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Check BPF objects (.o) or probe classes with the offline verifier simulation, without a kernel.",
        footer = {"", ExitCodes.HELP})
final class VerifyCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "INPUT", description = ".o files, probe .class files, directories, jars or class names")
    List<String> inputs;

    @Option(names = {"-cp", "--classpath"}, split = ":", description = "where struct classes are found")
    List<Path> classpath = new ArrayList<>();

    @Option(names = {"-s", "--source-path"}, split = ":", description = "Java source roots, for source text in messages")
    List<Path> sourcePath = new ArrayList<>(Translator.Options.DEFAULT.sourceRoots());

    @Override public Integer call() throws Exception {
        int status = ExitCodes.OK;
        for (BpfObject o : ProbeObjects.of(inputs, classpath, sourcePath))
            status = Math.max(status, report(o, ObjectVerifier.verify(o)));
        return status;
    }

    /** Prints the simulation's verdict on {@code o}: accepted programs on stdout, rejections on stderr. */
    static int report(BpfObject o, ObjectVerifier.Outcome outcome) {
        for (String p : outcome.acceptedPrograms()) System.out.println("verified " + o.name() + "." + p + ": accepted");
        for (ObjectVerifier.Problem p : outcome.problems())
            System.err.println("jbpf: " + o.name() + "." + p.program() + ": " + p);
        return outcome.ok() ? ExitCodes.OK : ExitCodes.REJECTED;
    }
}
