package org.jbpf.loader;

import java.util.ArrayList;
import java.util.List;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.asm.Opcodes;
import org.jbpf.core.obj.ProgramSpec;
import org.jbpf.loader.sys.BpfException;

/** Patches the fds of an object's created maps into the instructions of a program that refer to them by name. */
final class MapRelocator {
    private MapRelocator() {}

    /** A copy of the program's instructions with each map-referring LD_IMM64 holding that map's fd. */
    static List<Insn> relocate(ProgramSpec p, LoadedObject out) {
        List<Insn> insns = new ArrayList<>(p.insns());
        int[] slot = Insn.slotOffsets(insns);
        for (int i = 0; i < insns.size(); i++) {
            Insn in = insns.get(i);
            if (!in.isLdImm64() || in.reference() == null) continue;
            if (in.src() != Opcodes.PSEUDO_MAP_FD && in.src() != Opcodes.PSEUDO_MAP_VALUE) continue;
            LoadedMap m = in.src() == Opcodes.PSEUDO_MAP_VALUE && out.global(in.reference()) != null
                    ? out.global(in.reference()) : out.map(in.reference());
            if (m == null)
                throw new BpfException("program \"" + p.name() + "\" instruction " + slot[i] + " refers to map \""
                        + in.reference() + "\", which object " + out.object().name() + " does not declare");
            // the low 32 bits take the fd; the high 32 bits keep the offset of a map value reference
            insns.set(i, in.withImm((in.imm() & 0xffffffff00000000L) | (m.fd().value() & 0xffffffffL)));
        }
        return insns;
    }
}
