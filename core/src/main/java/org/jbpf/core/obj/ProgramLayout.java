package org.jbpf.core.obj;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.asm.Opcodes;
import org.jbpf.core.btf.Btf;
import org.jbpf.core.btf.BtfType;

/**
 * The functions of one program: its entry function, then the subprograms appended after it. Function starts
 * come from func_info records, the targets of local calls and the functions whose address is loaded (callbacks). In an object file the entry function goes to
 * the program's own section and the subprograms to {@code .text}, where libbpf expects them.
 */
final class ProgramLayout {
    /** A function of the program spanning slots {@code [start, end)}. */
    record Function(String name, int start, int end) {}

    final ProgramSpec program;
    final int[] slotOf;          // slot of each instruction, plus the total at the end
    final int totalSlots;
    final int firstSubSlot;      // == totalSlots when the program has no subprograms
    final int firstSubIndex;     // instruction index of firstSubSlot
    final List<Function> functions = new ArrayList<>();

    ProgramLayout(ProgramSpec program, Btf btf, String objectName) {
        this.program = program;
        List<Insn> insns = program.insns();
        if (insns.isEmpty()) throw error(objectName, program, "has no instructions");
        slotOf = Insn.slotOffsets(insns);
        totalSlots = slotOf[insns.size()];
        boolean[] boundary = new boolean[totalSlots + 1];
        for (int s : slotOf) boundary[s] = true;

        TreeSet<Integer> starts = new TreeSet<>();
        starts.add(0);
        for (ProgramSpec.FuncInfo fi : program.funcInfos()) {
            if (fi.insnOff() < 0 || fi.insnOff() >= totalSlots || !boundary[fi.insnOff()])
                throw error(objectName, program, "has func_info at slot " + fi.insnOff() + ", which is not the start of an instruction");
            starts.add(fi.insnOff());
        }
        for (int i = 0; i < insns.size(); i++) {
            Insn in = insns.get(i);
            if (!refersToFunction(in)) continue;
            long target = slotOf[i] + in.imm() + 1;
            if (target <= 0 || target >= totalSlots || !boundary[(int) target])
                throw error(objectName, program, "instruction " + i + " (" + in + ") calls slot " + target
                        + ", which is not the start of a subprogram");
            starts.add((int) target);
        }
        Integer firstSub = starts.higher(0);
        firstSubSlot = firstSub == null ? totalSlots : firstSub;
        int idx = 0;
        while (slotOf[idx] < firstSubSlot) idx++;
        firstSubIndex = idx;

        List<Integer> sorted = new ArrayList<>(starts);
        for (int k = 0; k < sorted.size(); k++) {
            int start = sorted.get(k);
            int end = k + 1 < sorted.size() ? sorted.get(k + 1) : totalSlots;
            functions.add(new Function(k == 0 ? program.name() : subprogramName(start, btf), start, end));
        }
    }

    private String subprogramName(int start, Btf btf) {
        for (ProgramSpec.FuncInfo fi : program.funcInfos()) {
            if (fi.insnOff() == start && fi.btfFuncType() > 0 && fi.btfFuncType() <= btf.size()
                    && btf.type(fi.btfFuncType()) instanceof BtfType.Func f && !f.name().isEmpty()) return f.name();
        }
        List<Insn> insns = program.insns();
        for (int i = 0; i < insns.size(); i++) {
            Insn in = insns.get(i);
            if (refersToFunction(in) && slotOf[i] + in.imm() + 1 == start && in.reference() != null && !in.reference().isEmpty())
                return in.reference();
        }
        return program.name() + "_sub" + start;
    }

    /** A call of a subprogram, or the load of a subprogram's address (a callback): both count slots to the function. */
    static boolean refersToFunction(Insn in) {
        return in.isLocalCall() || in.isLdImm64() && in.src() == Opcodes.PSEUDO_FUNC;
    }

    int subprogramSlots() { return totalSlots - firstSubSlot; }

    static ObjectFormatException error(String objectName, ProgramSpec p, String what) {
        return new ObjectFormatException("object " + objectName + ": program " + p.name() + " (section " + p.section() + ") " + what);
    }
}
