package org.jbpf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.jbpf.testsupport.Kernel;
import org.jbpf.testsupport.Skip;
import org.jbpf.testsupport.TracingOn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * trace_pipe while another process reads it: the kernel lets one reader open it at a time, and {@code jbpf trace}
 * said why on stderr but exited 0; its reader, which outlived the command, held the pipe from the next one too.
 */
@ExtendWith(TracingOn.class)   // its stderr is compared line by line: no 'tracing is off' line
class TracePipeBusyTest {
    @Test void aPipeAnotherReaderHoldsIsExitOneSayingSo() throws Exception {
        Kernel.requireTracefs();
        Path pipe = TracefsRoots.holding(TracefsRoots.DEFAULT, "trace_pipe").resolve("trace_pipe");
        FileChannel held;
        try {
            held = FileChannel.open(pipe, StandardOpenOption.READ);
        } catch (FileSystemException busy) {
            Skip.optional("an idle trace_pipe", "another process reads " + pipe + " now");
            return;
        }
        try (held) {
            Cli r = Cli.run("trace", "-d", "1s");
            assertEquals("jbpf: cannot read " + pipe + " (device or resource busy: another process is reading it (jbpf trace, cat), and the "
                    + "kernel lets one reader open it at a time)\n", r.err());
            assertEquals(ExitCodes.FAILED, r.status());
        }
        // the command's own reader is gone with it: the pipe opens again
        try (FileChannel again = FileChannel.open(pipe, StandardOpenOption.READ)) {
            assertEquals(true, again.isOpen());
        }
        Cli quiet = Cli.run("trace", "-d", "100ms");
        assertEquals(ExitCodes.OK, quiet.status(), quiet.err());
        try (FileChannel afterTrace = FileChannel.open(pipe, StandardOpenOption.READ)) {
            assertEquals(true, afterTrace.isOpen(), "jbpf trace left no reader behind");
        }
    }
}
