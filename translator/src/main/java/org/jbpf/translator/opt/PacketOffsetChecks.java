package org.jbpf.translator.opt;

import static org.jbpf.core.asm.Opcodes.*;

import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.jbpf.translator.mir.Mir;
import org.jbpf.translator.mir.PacketContexts;

/**
 * The bound checks of offsets added to a packet's start ({@code ctx.header(offset, ..)} with a computed offset), in
 * MIR that goes to another backend ({@link Mir#keepPacketOffsetChecks}). The range passes may prove such a check
 * redundant from tests made earlier, and the kernel verifier follows the direct backend's code through those same
 * tests; LLVM rewrites them (a test of {@code ihl < 20} becomes one of the masked byte {@code < 5}) so that the
 * kernel no longer learns the offset's range, and refuses the addition the check guarded. Such checks stay.
 */
final class PacketOffsetChecks {
    private PacketOffsetChecks() {}

    /** The conditional jumps to leave alone, compared by identity; empty for the direct backend. */
    static Set<Mir.MInsn> of(Mir mir) {
        if (!mir.keepPacketOffsetChecks) return Set.of();
        Map<Integer, Integer> contexts = PacketContexts.packetStarts(mir.code);
        Set<Integer> starts = new HashSet<>(), offsets = new HashSet<>();
        for (Mir.MInsn m : mir.code)
            if (!m.isLabel() && m.opcode == (LDX | W | MEM) && Integer.valueOf(m.off).equals(contexts.get(m.src))) starts.add(m.dst);
        for (boolean grew = true; grew; ) {
            grew = false;
            for (Mir.MInsn m : mir.code)
                if (!m.isLabel() && m.opcode == (ALU64 | MOV | X) && m.off == 0 && starts.contains(m.src) && starts.add(m.dst)) grew = true;
        }
        for (Mir.MInsn m : mir.code)
            if (!m.isLabel() && m.opcode == (ALU64 | ADD | X) && starts.contains(m.dst) && !starts.contains(m.src)) offsets.add(m.src);
        Set<Mir.MInsn> kept = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Mir.MInsn m : mir.code)
            if (m.isJump() && !m.isUnconditionalJump() && !m.isCall() && !m.isExit() && offsets.contains(m.dst)) kept.add(m);
        return kept;
    }
}
