package org.jbpf.translator.mir;

import java.util.List;
import org.jbpf.core.btf.Btf;
import org.jbpf.core.obj.MapSpec;

/** A probe class in MIR form for another backend: its maps (with BTF types for keys and values), license and programs. */
public record MirObject(String name, String license, List<MapSpec> maps, Btf btf, List<MirProgram> programs) {
    public MirObject {
        maps = List.copyOf(maps);
        programs = List.copyOf(programs);
    }
}
