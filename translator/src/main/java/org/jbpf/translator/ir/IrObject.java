package org.jbpf.translator.ir;

import java.util.List;
import org.jbpf.core.btf.Btf;
import org.jbpf.core.obj.MapSpec;

/** A probe class in IR form: its maps (with BTF types for keys and values), license and programs. */
public record IrObject(String name, String license, List<MapSpec> maps, Btf btf, List<IrProgram> programs) {
    public IrObject {
        maps = List.copyOf(maps);
        programs = List.copyOf(programs);
    }
}
