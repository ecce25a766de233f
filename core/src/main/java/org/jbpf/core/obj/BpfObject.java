package org.jbpf.core.obj;

import java.util.List;
import java.util.Optional;
import org.jbpf.core.btf.Btf;

/** A BPF object: what one ELF file holds, in a form both the translator writes and the loader reads. */
public record BpfObject(String name, String license, List<MapSpec> maps, List<ProgramSpec> programs, Btf btf) {
    public BpfObject {
        maps = List.copyOf(maps);
        programs = List.copyOf(programs);
    }

    public Optional<MapSpec> map(String mapName) {
        return maps.stream().filter(m -> m.name().equals(mapName)).findFirst();
    }

    public Optional<ProgramSpec> program(String programName) {
        return programs.stream().filter(p -> p.name().equals(programName)).findFirst();
    }
}
