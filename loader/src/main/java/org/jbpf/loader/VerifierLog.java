package org.jbpf.loader;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.asm.SourceLine;

/** Reads a verifier log: which instruction it stopped at and a short tail for error messages. */
final class VerifierLog {
    private VerifierLog() {}

    static final int TAIL_LINES = 20;
    private static final Pattern INSN_LINE = Pattern.compile("^(\\d+): \\([0-9a-f]{2}\\)");

    /** Slot index of the last instruction line ("N: (xx) ...") in the log, or -1. */
    static int lastInsn(String log) {
        int last = -1;
        for (String line : log.split("\n")) {
            Matcher m = INSN_LINE.matcher(line);
            if (m.find()) last = Integer.parseInt(m.group(1));
        }
        return last;
    }

    /** The last {@code n} non-empty lines. */
    static List<String> tail(String log, int n) {
        List<String> lines = new ArrayList<>();
        for (String l : log.split("\n")) if (!l.isBlank()) lines.add(l);
        return lines.subList(Math.max(0, lines.size() - n), lines.size());
    }

    /** Source of the instruction at slot {@code slot}, or null. */
    static SourceLine sourceAt(List<Insn> insns, int slot) {
        if (slot < 0) return null;
        int[] at = Insn.slotOffsets(insns);
        int idx = Arrays.binarySearch(at, 0, insns.size(), slot);
        if (idx < 0) idx = -idx - 2;  // the second slot of an LD_IMM64 belongs to the instruction before it
        if (idx < 0 || idx >= insns.size()) return null;
        return insns.get(idx).source();
    }

    static VerifierException exception(String program, String section, List<Insn> insns, String log, int errno) {
        int slot = lastInsn(log);
        SourceLine src = sourceAt(insns, slot);
        StringBuilder sb = new StringBuilder("the kernel verifier rejected program \"").append(program)
                .append("\" (section ").append(section).append(')');
        if (src != null && !src.file().isEmpty()) {
            sb.append(" at ").append(src.file()).append(':').append(src.line());
            if (!src.text().isBlank()) sb.append(" (").append(src.text().strip()).append(')');
        }
        if (slot >= 0) sb.append(", instruction ").append(slot);
        sb.append(" [").append(org.jbpf.loader.sys.Errno.name(errno)).append("]");
        if (log.isBlank()) sb.append("; the kernel gave no verifier log");
        else {
            sb.append("; last lines of the verifier log:");
            for (String line : tail(log, TAIL_LINES)) sb.append("\n  ").append(line);
        }
        return new VerifierException(sb.toString(), program, log, slot, src);
    }
}
