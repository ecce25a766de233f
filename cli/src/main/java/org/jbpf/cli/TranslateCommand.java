package org.jbpf.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jbpf.core.asm.Disassembler;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.ProgramSpec;
import org.jbpf.toolchain.Backend;
import org.jbpf.toolchain.Backends;
import org.jbpf.toolchain.ProbeInputs;
import org.jbpf.toolchain.Toolchain;
import org.jbpf.translator.Translator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "translate", mixinStandardHelpOptions = true,
        description = "Translate @Bpf probe classes (class files, directories or jars) into BPF ELF objects, "
                + "checked by the verifier simulation unless --no-verify; a rejected probe is not written.",
        footer = {"", ExitCodes.HELP})
final class TranslateCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "probe .class files, directories of classes, jars, or class names")
    List<String> inputs;

    @Option(names = {"-o", "--output"}, description = "output directory (default: current directory)")
    Path output = Path.of(".");

    @Option(names = {"-cp", "--classpath"}, split = ":", description = "where struct and helper classes are found")
    List<Path> classpath = new ArrayList<>();

    @Option(names = {"-s", "--source-path"}, split = ":", description = "Java source roots, for source text in line info (default src/main/java)")
    List<Path> sourcePath = new ArrayList<>(Translator.Options.DEFAULT.sourceRoots());

    @Option(names = "--emit", description = "also print: asm (disassembly with Java source lines)")
    String emit;

    @Option(names = "--no-verify", description = "do not run the verifier simulation on the objects")
    boolean noVerify;

    @Option(names = "--backend", description = "code generator: direct (default, built in) or llvm (LLVM's BPF target through bytedeco)")
    String backend = Backends.DIRECT;

    @Override public Integer call() throws Exception {
        if (emit != null && !emit.equals("asm"))
            throw new Main.CommandFailure(ExitCodes.USAGE, "--emit " + emit + ": the only form is --emit asm");
        Backend selected;
        try {
            selected = Backends.named(backend);
        } catch (IllegalArgumentException e) {
            throw new Main.CommandFailure(ExitCodes.USAGE, "--backend: " + e.getMessage());
        }
        ProbeInputs in = ProbeInputs.of(inputs, classpath);
        // what was found but not translated, said before anything else: a probe must not go missing without a word
        for (String c : in.unannotated)
            System.err.println("jbpf: warning: " + ProbeInputs.missingBpf(c));
        for (String skipped : in.unreadable) System.err.println("jbpf: warning: " + skipped);
        in.requireProbes(inputs);
        String clash = in.clashingObjects(output);
        if (clash != null) throw new IllegalArgumentException(clash);
        Toolchain toolchain = new Toolchain(selected, new Translator.Options(sourcePath), !noVerify);
        int status = ExitCodes.OK;
        for (byte[] probe : in.probes) {
            Toolchain.Translated t = toolchain.translate(probe, in.source());
            BpfObject o = t.object();
            if ("asm".equals(emit)) {
                for (String g : GlobalsText.lines(o)) System.out.println(g);
                for (ProgramSpec p : o.programs())
                    System.out.print("\n" + p.section() + " " + p.name() + ":\n" + Disassembler.listing(p.insns(), GlobalsText.notes(o)));
            }
            if (t.verdict() != null) status = Math.max(status, VerifyCommand.report(o, t.verdict()));
            if (!t.accepted()) {
                System.err.println("jbpf: " + o.name() + ": not written (--no-verify writes it anyway)");
                continue;
            }
            Path out = Toolchain.write(o, output);
            System.out.println(Toolchain.wrote(out, o));
        }
        return status;
    }
}
