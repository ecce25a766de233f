package org.jbpf.core.helper;

import java.util.List;
import java.util.Set;

/**
 * One kernel helper function: its id ({@code enum bpf_func_id}), its name without the {@code bpf_} prefix, and when
 * jbpf knows its prototype, the argument and return kinds, the program types that may call it and the map types its
 * map argument accepts. Helpers known by name only have no prototype ({@link #hasPrototype()} is false).
 *
 * @param programTypes program types ({@link org.jbpf.core.program.ProgramTypes}) the kernel offers it to, of those its
 *                     helper list probed ({@link HelperTable#probedProgramTypes()})
 * @param mapTypes     map types its map argument accepts; empty when any map that is not restricted to other helpers is fine
 */
public record HelperSpec(int id, String name, List<ArgKind> args, RetKind ret, Set<Integer> programTypes, Set<Integer> mapTypes) {

    public HelperSpec {
        args = List.copyOf(args);
        programTypes = Set.copyOf(programTypes);
        mapTypes = Set.copyOf(mapTypes);
    }

    /** A helper known by id, name and the program types that may call it. */
    static HelperSpec named(int id, String name, Set<Integer> programTypes) {
        return new HelperSpec(id, name, List.of(), null, programTypes, Set.of());
    }

    /** True when the argument and return kinds are known. */
    public boolean hasPrototype() { return ret != null; }

    /** The name as the kernel verifier writes it, e.g. "bpf_map_lookup_elem#1". */
    public String logName() { return "bpf_" + name + "#" + id; }

    /** True when the kernel offers it to a program of this type ({@code enum bpf_prog_type}). */
    public boolean allowedIn(int programType) { return programTypes.contains(programType); }
}
