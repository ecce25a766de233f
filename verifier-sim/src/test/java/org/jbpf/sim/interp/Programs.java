package org.jbpf.sim.interp;

import java.util.List;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.MapSpec;
import org.jbpf.core.obj.ProgramSpec;

/** Builds one-program objects for tests. */
final class Programs {
    private Programs() {}

    static BpfObject object(String section, List<MapSpec> maps, Insn... insns) {
        return new BpfObject("test", "GPL", maps, List.of(new ProgramSpec("prog", section, List.of(insns), List.of())), null);
    }
}
