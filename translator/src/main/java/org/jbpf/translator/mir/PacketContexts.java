package org.jbpf.translator.mir;

import static org.jbpf.core.asm.Opcodes.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which registers of MIR hold a packet program's context, found by where the program loads data_end from them: at 4
 * in an xdp_md, at 80 in a __sk_buff (which xdp_md, 24 bytes long, does not have). The packet's start lies 4 bytes
 * before data_end, at 0 or 76; a __sk_buff's offset 0 is the packet's length, a number. Both the translator's kept
 * bound checks and the LLVM backend's address registers start from this one rule.
 */
public final class PacketContexts {
    private PacketContexts() {}

    /** The context registers of {@code code}, each with the offset of the packet's start in it. */
    public static Map<Integer, Integer> packetStarts(List<? extends MirInstruction> code) {
        Map<Integer, Integer> found = new HashMap<>();
        // a plain loop, not Map.merge with a method reference: this runs on translate's start path
        for (MirInstruction in : code)
            if (!in.isLabel() && in.opcode() == (LDX | W | MEM) && (in.off() == 4 || in.off() == 80)) {
                Integer had = found.get(in.src());
                found.put(in.src(), had == null ? in.off() - 4 : Math.max(had, in.off() - 4));
            }
        return found;
    }
}
