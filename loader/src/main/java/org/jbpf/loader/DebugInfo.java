package org.jbpf.loader;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToIntFunction;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.asm.SourceLine;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.ProgramSpec;

/**
 * The {@code func_info} and {@code line_info} records of {@code BPF_PROG_LOAD}: {@code bpf_func_info} is
 * {insn_off, type_id}; {@code bpf_line_info} is {insn_off, file_name_off, line_off, line_col} with
 * {@code line_col = line << 10 | column} and string offsets into the loaded BTF. Offsets count instruction slots.
 */
record DebugInfo(byte[] funcInfo, int funcCount, byte[] lineInfo, int lineCount) {

    /** Strings line_info needs in the BTF string table: source file names and line texts. */
    static Collection<String> strings(BpfObject obj) {
        Set<String> out = new LinkedHashSet<>();
        for (ProgramSpec p : obj.programs())
            for (Insn i : p.insns())
                if (i.source() != null) {
                    out.add(i.source().file());
                    out.add(i.source().text());
                }
        return out;
    }

    static DebugInfo of(ProgramSpec p, ToIntFunction<String> stringOffset) {
        ByteBuffer funcs = ByteBuffer.allocate(p.funcInfos().size() * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (ProgramSpec.FuncInfo f : p.funcInfos()) funcs.putInt(f.insnOff()).putInt(f.btfFuncType());

        List<Insn> insns = p.insns();
        int[] slot = Insn.slotOffsets(insns);
        // the kernel wants a line record exactly at every function start
        Set<Integer> starts = new TreeSet<>();
        starts.add(0);
        for (ProgramSpec.FuncInfo f : p.funcInfos()) starts.add(f.insnOff());
        for (int i = 0; i < insns.size(); i++)
            if (insns.get(i).isLocalCall()) starts.add(slot[i] + (int) insns.get(i).imm() + 1);

        SourceLine fallback = firstSource(insns);
        if (fallback == null) return new DebugInfo(funcs.array(), p.funcInfos().size(), new byte[0], 0);
        ByteBuffer lines = ByteBuffer.allocate(insns.size() * 16).order(ByteOrder.LITTLE_ENDIAN);
        int count = 0;
        SourceLine prev = null;
        for (int i = 0; i < insns.size(); i++) {
            SourceLine s = insns.get(i).source();
            boolean start = starts.contains(slot[i]);
            if (s == null && start) s = prev != null ? prev : fallback;
            if (s == null || (s.equals(prev) && !start)) continue;
            lines.putInt(slot[i]).putInt(stringOffset.applyAsInt(s.file())).putInt(stringOffset.applyAsInt(s.text()))
                    .putInt(Math.max(0, s.line()) << 10 | (Math.max(0, s.column()) & 0x3ff));
            count++;
            prev = s;
        }
        byte[] lineBytes = new byte[count * 16];
        lines.flip();
        lines.get(lineBytes);
        return new DebugInfo(funcs.array(), p.funcInfos().size(), lineBytes, count);
    }

    private static SourceLine firstSource(List<Insn> insns) {
        for (Insn i : insns) if (i.source() != null) return i.source();
        return null;
    }
}
