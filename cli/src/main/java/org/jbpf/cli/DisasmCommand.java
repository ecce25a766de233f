package org.jbpf.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jbpf.core.asm.Disassembler;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.MapTypes;
import org.jbpf.core.obj.ObjectFiles;
import org.jbpf.core.obj.ProgramSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "disasm", mixinStandardHelpOptions = true, footer = {"", ExitCodes.HELP}, description = "Print the maps, global variables and programs of a BPF ELF object.")
final class DisasmCommand implements Callable<Integer> {
    @Parameters(paramLabel = "OBJECT", description = "a .o file")
    Path object;

    @Override public Integer call() throws Exception {
        BpfObject o = ObjectFiles.read(object);
        System.out.println("license " + o.license());
        o.maps().forEach(m -> System.out.println("map " + m.name() + ": " + MapTypes.name(m.type()) + " key " + m.keySize()
                + " value " + m.valueSize() + " max_entries " + m.maxEntries()));
        for (String g : GlobalsText.lines(o)) System.out.println(g);
        for (ProgramSpec p : o.programs())
            System.out.print("\n" + p.section() + " " + p.name() + ":\n" + Disassembler.listing(p.insns(), GlobalsText.notes(o)));
        return 0;
    }
}
