package org.jbpf.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.ProgramSpec;

/**
 * What {@code jbpf run} says when the object's programs call printk: their lines go to the kernel's trace buffer,
 * which {@code run} does not print, so it names the command that does; and when tracing is off the kernel keeps
 * none of them, which would otherwise look like a probe that never ran.
 */
final class PrintkNotice {
    private PrintkNotice() {}

    /** bpf_trace_printk and bpf_trace_vprintk. */
    static final int TRACE_PRINTK = 6, TRACE_VPRINTK = 177;

    /** The notice's lines for {@code object}, none when no program calls printk or no tracefs is mounted. */
    static List<String> lines(BpfObject object, Path[] roots) {
        List<String> out = new ArrayList<>();
        if (!callsPrintk(object)) return out;
        Path root = null;
        for (Path r : roots) if (root == null && Files.exists(r.resolve("trace_pipe"))) root = r;
        if (root == null) return out;
        out.add("jbpf: " + object.name() + " writes printk lines to the kernel's trace buffer, which run does not print; "
                + "read them with: jbpf trace (or cat " + root.resolve("trace_pipe") + ")");
        String off = TraceCommand.tracingOff(root.resolve("tracing_on"));
        if (off != null) out.add(off);
        return out;
    }

    static boolean callsPrintk(BpfObject object) {
        for (ProgramSpec p : object.programs())
            for (Insn i : p.insns())
                if (i.isHelperCall() && (i.imm() == TRACE_PRINTK || i.imm() == TRACE_VPRINTK)) return true;
        return false;
    }
}
