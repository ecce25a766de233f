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
    // loops, not streams: a stream's lambdas link method handles at their first call, and the writer and the
    // simulation look maps up in every cold translate

    public Optional<MapSpec> map(String mapName) {
        for (MapSpec m : maps) if (m.name().equals(mapName)) return Optional.of(m);
        for (GlobalData g : globals) if (g.name().equals(mapName)) return Optional.of(g.mapSpec());
        return Optional.empty();
    }

    /** How many maps the probe declares: the object's own counters ({@link MapSpec#internal}) left out. */
    public int declaredMapCount() {
        int n = 0;
        for (MapSpec m : maps) if (!m.internal()) n++;
        return n;
    }

    public Optional<ProgramSpec> program(String programName) {
        for (ProgramSpec p : programs) if (p.name().equals(programName)) return Optional.of(p);
        return Optional.empty();
    }

    /** The global-data section with this name, e.g. {@code .rodata}. */
    public Optional<GlobalData> global(String section) {
        for (GlobalData g : globals) if (g.name().equals(section)) return Optional.of(g);
        return Optional.empty();
    }

    /** A copy with other global-data sections (e.g. with load-time constants written into {@code .rodata}). */
    public BpfObject withGlobals(List<GlobalData> newGlobals) {
        return new BpfObject(name, license, maps, programs, btf, newGlobals);
    }
}
