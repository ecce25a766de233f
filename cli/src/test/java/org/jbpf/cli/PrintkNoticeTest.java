package org.jbpf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.ProgramSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** run names where printk lines go, and says so when tracing is off, read from a tracefs-like directory written here. */
class PrintkNoticeTest {
    private static BpfObject object(int helper) {
        return new BpfObject("Hello", "GPL", List.of(), List.of(new ProgramSpec("hello", "tracepoint/syscalls/sys_enter_getppid",
                List.of(Insn.call(helper), Insn.mov64Imm(0, 0), Insn.exit()), List.of())), null);
    }

    @Test void printkNamesTheTraceCommandAndTracingOff(@TempDir Path tracefs) throws Exception {
        Files.writeString(tracefs.resolve("trace_pipe"), "");
        Path on = Files.writeString(tracefs.resolve("tracing_on"), "0\n");
        String where = "jbpf: Hello writes printk lines to the kernel's trace buffer, which run does not print; read them with: "
                + "jbpf trace (or cat " + tracefs.resolve("trace_pipe") + ")";
        assertEquals(List.of(where, TraceCommand.tracingOff(on)), PrintkNotice.lines(object(PrintkNotice.TRACE_PRINTK), new Path[] {tracefs}));
        Files.writeString(on, "1\n");
        assertEquals(List.of(where), PrintkNotice.lines(object(PrintkNotice.TRACE_VPRINTK), new Path[] {tracefs}));
    }

    @Test void otherProgramsAndMachinesWithoutTracefsGetNoNotice(@TempDir Path tracefs) throws Exception {
        assertEquals(List.of(), PrintkNotice.lines(object(PrintkNotice.TRACE_PRINTK), new Path[] {tracefs}), "no trace_pipe here");
        Files.writeString(tracefs.resolve("trace_pipe"), "");
        assertEquals(List.of(), PrintkNotice.lines(object(14), new Path[] {tracefs}), "get_current_pid_tgid is no printk");
    }
}
