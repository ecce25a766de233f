package org.jbpf.core.obj;

import java.util.List;
import java.util.Optional;
import org.jbpf.core.btf.Btf;

/**
 * A BPF object: what one ELF file holds, in a form both the translator writes and the loader reads. {@link #globals}
 * are its global-variable sections; each becomes a one-entry array map when loaded, which {@link #map} also finds.
 */
public record BpfObject(String name, String license, List<MapSpec> maps, List<ProgramSpec> programs, Btf btf,
                        List<GlobalData> globals) {
    public BpfObject {
        maps = List.copyOf(maps);
        programs = List.copyOf(programs);
        globals = List.copyOf(globals);
    }

    /** An object without global variables. */
    public BpfObject(String name, String license, List<MapSpec> maps, List<ProgramSpec> programs, Btf btf) {
        this(name, license, maps, programs, btf, List.of());
    }

    /** A declared map, or the map of the global-data section with this name (e.g. {@code .bss}). */
    public Optional<MapSpec> map(String mapName) {
        Optional<MapSpec> m = maps.stream().filter(s -> s.name().equals(mapName)).findFirst();
        return m.isPresent() ? m : global(mapName).map(GlobalData::mapSpec);
    }

    public Optional<ProgramSpec> program(String programName) {
        return programs.stream().filter(p -> p.name().equals(programName)).findFirst();
    }

    /** The global-data section with this name, e.g. {@code .rodata}. */
    public Optional<GlobalData> global(String section) {
        return globals.stream().filter(g -> g.name().equals(section)).findFirst();
    }

    /** A copy with other global-data sections (e.g. with load-time constants written into {@code .rodata}). */
    public BpfObject withGlobals(List<GlobalData> newGlobals) {
        return new BpfObject(name, license, maps, programs, btf, newGlobals);
    }
}
