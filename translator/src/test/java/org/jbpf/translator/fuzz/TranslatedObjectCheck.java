package org.jbpf.translator.fuzz;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.asm.Opcodes;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.MapSpec;
import org.jbpf.core.obj.ObjectReader;
import org.jbpf.core.obj.ObjectWriter;
import org.jbpf.core.obj.ProgramSpec;

/**
 * What a successful translation must satisfy: it writes as an ELF object that reads back equal, and every program is
 * structurally sound (registers r0..r10, jumps land on instructions inside the program, the last instruction cannot
 * fall off the end, map references name declared maps, stack accesses stay inside the 512-byte frame).
 * Returns null when all holds, else what is wrong.
 */
final class TranslatedObjectCheck {
    private TranslatedObjectCheck() {}

    static String problem(BpfObject obj) {
        byte[] elf;
        try {
            elf = ObjectWriter.write(obj);
        } catch (RuntimeException e) {
            return "the object writer refused the translation: " + e;
        }
        BpfObject back;
        try {
            back = ObjectReader.read(elf, obj.name());
        } catch (RuntimeException e) {
            return "the written object does not read back: " + e.getMessage();
        }
        if (!back.maps().equals(obj.maps())) return "maps differ after write and read: " + obj.maps() + " vs " + back.maps();
        for (int k = 0; k < obj.programs().size(); k++) {
            ProgramSpec a = obj.programs().get(k), b = k < back.programs().size() ? back.programs().get(k) : null;
            if (a.equals(b)) continue;
            if (b == null || !a.name().equals(b.name()) || !a.section().equals(b.section())) return "program " + a.name() + " is missing after write and read";
            for (int i = 0; i < Math.min(a.insns().size(), b.insns().size()); i++)
                if (!a.insns().get(i).equals(b.insns().get(i)))
                    return "program " + a.name() + " insn " + i + " differs after write and read: " + a.insns().get(i) + " / " + a.insns().get(i).source()
                            + " vs " + b.insns().get(i) + " / " + b.insns().get(i).source();
            return "program " + a.name() + " differs after write and read (" + a.insns().size() + " vs " + b.insns().size() + " insns, func infos "
                    + a.funcInfos() + " vs " + b.funcInfos() + ")";
        }
        if (back.programs().size() != obj.programs().size()) return "program count differs after write and read";
        Set<String> maps = new HashSet<>();
        for (MapSpec m : obj.maps()) maps.add(m.name());
        for (ProgramSpec p : obj.programs()) {
            String bad = programProblem(p.insns(), maps);
            if (bad != null) return "program " + p.name() + ": " + bad;
        }
        return null;
    }

    private static String programProblem(List<Insn> insns, Set<String> maps) {
        if (insns.isEmpty()) return "no instructions";
        int[] slot = Insn.slotOffsets(insns);
        Set<Integer> starts = new HashSet<>();
        for (int i = 0; i < insns.size(); i++) starts.add(slot[i]);
        for (int i = 0; i < insns.size(); i++) {
            Insn in = insns.get(i);
            if (in.dst() < 0 || in.dst() > 10) return "insn " + i + " uses register r" + in.dst();
            if (in.src() < 0 || in.src() > 10 && !in.isLdImm64() && !in.isCall()) return "insn " + i + " uses register r" + in.src();
            if (in.isJump()) {
                int target = slot[i] + in.slots() + in.jumpOffset();
                if (!starts.contains(target)) return "insn " + i + " jumps to slot " + target + ", not an instruction of the program";
            }
            if (in.isLdImm64() && in.src() == Opcodes.PSEUDO_MAP_FD && !maps.contains(in.reference()))
                return "insn " + i + " refers to undeclared map " + in.reference();
            int cls = in.opcode() & 0x07;
            boolean memory = cls == Opcodes.LDX || cls == Opcodes.ST || cls == Opcodes.STX;
            int base = cls == Opcodes.LDX ? in.src() : in.dst();
            if (memory && base == 10 && (in.off() >= 0 || in.off() < -512)) return "insn " + i + " accesses the stack at " + in.off();
        }
        Insn last = insns.get(insns.size() - 1);
        if (!last.isExit() && !(last.isJump() && !last.isConditionalJump())) return "the last instruction falls off the end";
        return null;
    }
}
