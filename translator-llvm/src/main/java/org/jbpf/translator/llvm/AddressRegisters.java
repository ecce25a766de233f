package org.jbpf.translator.llvm;

import static org.jbpf.core.asm.Opcodes.*;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jbpf.translator.mir.MirInstruction;
import org.jbpf.translator.mir.PacketContexts;

/**
 * The registers of a program that may hold the address of a frame slot, of global data, of a map value or into the packet: an
 * address LLVM knows to be aligned, or one the kernel bounds an index into. Adding a register index to one is where LLVM would write {@code or} for an addition whose operands
 * share no bits, which the kernel refuses on a pointer. Found without regard to order (a register that holds such
 * an address anywhere counts everywhere), so code without those additions lowers as before.
 */
final class AddressRegisters {
    private AddressRegisters() {}

    static Set<Integer> of(List<MirInstruction> code) {
        Set<Integer> found = new HashSet<>();
        MirInstruction before = null;
        for (MirInstruction in : code) {   // a map value's pointer, taken from r0 right after the lookup
            if (in.isLabel()) continue;
            if (before != null && before.opcode() == (JMP | CALL) && before.src() == 0 && LOOKUPS.contains((int) before.imm())
                    && in.opcode() == (ALU64 | MOV | X) && in.src() == R0 && in.off() == 0) found.add(in.dst());
            before = in;
        }
        // the packet's start (data at offset 0 or 76 of the register data_end is loaded from at 4 or 80): the kernel
        // bounds a header's offset before it is added, so that check must stay on the register added
        Map<Integer, Integer> starts = PacketContexts.packetStarts(code);
        for (MirInstruction in : code)
            if (!in.isLabel() && in.opcode() == (LDX | W | MEM) && Integer.valueOf(in.off()).equals(starts.get(in.src()))) found.add(in.dst());
        // a register the code reads or writes memory through holds an address, whatever made it: a function's
        // parameter for a struct it gets by reference, or a copy of one, bounds an index the kernel must see checked
        for (MirInstruction in : code) {
            if (in.isLabel()) continue;
            int cls = in.opcode() & 7;
            int base = cls == LDX ? in.src() : cls == ST || cls == STX ? in.dst() : R10;
            if (base != R10) found.add(base);
        }
        boolean grew = true;
        while (grew) {
            grew = false;
            for (MirInstruction in : code) {
                if (in.isLabel()) continue;
                if (holdsAddress(in, found) && found.add(in.dst())) grew = true;
            }
        }
        return found;
    }

    /**
     * Whether {@code in} loads one of the packet's pointers (data or data_end) from a context: a 32-bit field the
     * kernel turns into a 64-bit pointer, which must stay 64 bits wherever LLVM keeps it.
     */
    static boolean loadsPacketPointer(MirInstruction in, Map<Integer, Integer> starts) {
        Integer start = in.isLabel() || in.opcode() != (LDX | W | MEM) ? null : starts.get(in.src());
        return start != null && (in.off() == start || in.off() == start + 4);
    }

    /** bpf_map_lookup_elem and bpf_map_lookup_percpu_elem: LLVM would check a copy of an index into their values too. */
    private static final Set<Integer> LOOKUPS = Set.of(1, 195);

    /**
     * The registers added to an address as an index, and those copied into one. LLVM folds the zero or sign extension
     * of a 32-bit index into the shift that scales it (a 35-bit mask of {@code x << 3}) and may compute that before the
     * bounds check; the kernel, which learns the bound of the checked register only, then sees an unbounded offset.
     */
    static Set<Integer> indexes(List<MirInstruction> code, Set<Integer> addresses) {
        Set<Integer> found = new HashSet<>();
        for (MirInstruction in : code) {
            if (in.isLabel() || in.opcode() != (ALU64 | ADD | X)) continue;
            if (addresses.contains(in.dst()) && !addresses.contains(in.src())) found.add(in.src());
            else if (addresses.contains(in.src()) && !addresses.contains(in.dst())) found.add(in.dst());
        }
        boolean grew = true;
        while (grew) {
            grew = false;
            for (MirInstruction in : code)
                if (!in.isLabel() && in.opcode() == (ALU64 | MOV | X) && in.off() == 0 && found.contains(in.dst()) && found.add(in.src())) grew = true;
        }
        return found;
    }

    private static boolean holdsAddress(MirInstruction in, Set<Integer> found) {
        int opc = in.opcode();
        if (opc == (LD | IMM | DW)) return in.src() == PSEUDO_MAP_VALUE && in.reference() != null;
        if (opc == (ALU64 | MOV | X)) return in.off() == 0 && (in.src() == R10 || found.contains(in.src()));
        // an address plus a register is an address, whichever of the two holds it
        return opc == (ALU64 | ADD | X) && found.contains(in.src());
    }

    /**
     * The registers loaded as 32 bits from offset 4 or 80 of a register: where xdp_md and __sk_buff hold data_end. A
     * register that only looks like one costs an empty asm at its comparisons, nothing else.
     */
    static Set<Integer> packetEnds(List<MirInstruction> code) {
        Set<Integer> found = new HashSet<>();
        for (MirInstruction in : code)
            if (!in.isLabel() && in.opcode() == (LDX | W | MEM) && (in.off() == 4 || in.off() == 80)) found.add(in.dst());
        return found;
    }
}
