package org.jbpf.translator.mir;

import java.util.List;
import org.jbpf.core.btf.Btf;
import org.jbpf.core.obj.GlobalData;
import org.jbpf.core.obj.MapSpec;

/**
 * A probe class in MIR form for another backend: its maps (with BTF types for keys and values), license, programs
 * and global-data sections (which its programs address by section name and offset).
 */
public record MirObject(String name, String license, List<MapSpec> maps, Btf btf, List<MirProgram> programs,
                        List<GlobalData> globals) {
    public MirObject {
        maps = List.copyOf(maps);
        programs = List.copyOf(programs);
        globals = List.copyOf(globals);
    }

    public MirObject(String name, String license, List<MapSpec> maps, Btf btf, List<MirProgram> programs) {
        this(name, license, maps, btf, programs, List.of());
    }
}
