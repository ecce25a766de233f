package org.jbpf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jbpf.testsupport.Kernel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Probes written the way Java allows and BPF does not, through {@code jbpf translate}: each is refused with exit 3
 * and one line naming its Java file and line and what to do instead, and no object is written.
 */
class BadProbeMessagesTest {
    @TempDir Path out;

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "Synchronized|Synchronized.java:14: synchronized is not supported in BPF programs, which have no locks; update shared counts with a map's atomic operations (increment, add) instead",
        "SynchronizedMethod|SynchronizedMethod.java:12: method onGetpid is synchronized, but BPF programs have no locks; drop synchronized and update shared counts with a map's atomic operations (increment, add)",
        "CatchesException|CatchesException.java:13: method onGetpid uses try/catch or try-with-resources; BPF programs have no exceptions, test values with if instead",
        "CapturingLambda|CapturingLambda.java:15: lambdas and method references can only be the loop body of Loops.repeat in BPF programs, which have no virtual calls; write the code as a static method and call it directly",
        "TextKey|TextKey.java:11: map byName: map keys and values must be Integer, Long, Short, Byte, Character or a @Struct class, not java.lang.String",
        "PageOnStack|PageOnStack.java:15: program onGetpid needs 616 bytes of stack but BPF allows 512; use fewer or smaller local structs, or keep data in a per-CPU array map",
        "UnknownSection|UnknownSection.java:12: section \"tracepiont/syscalls/sys_enter_getpid\": unknown program kind \"tracepiont\" (did you mean tracepoint?); use one of tracepoint/<category>/<name> (tp), ...",
    })
    void refusedWithItsJavaLine(String probe, String message) throws Exception {
        Cli r = Cli.run("translate", "org.jbpf.cli.probes.bad." + probe, "-o", out.toString());
        // a message ending in "..." is checked up to there (the list of program kinds grows)
        if (message.endsWith("..."))
            assertTrue(r.err().startsWith("jbpf: " + message.substring(0, message.length() - 3)) && r.err().indexOf('\n') == r.err().length() - 1, r.err());
        else assertEquals("jbpf: " + message + "\n", r.err());
        assertEquals(ExitCodes.REJECTED, r.status());
        assertFalse(Files.exists(out.resolve(probe + ".o")));
    }

    @Test void anObjectForATracepointThisKernelLacksIsRefusedWhenAttaching() throws Exception {
        Kernel.requireTracefs();
        Cli t = Cli.run("translate", "org.jbpf.examples.ProcessCounter", "-cp", CommandLineTest.EXAMPLES, "-o", out.toString());
        assertEquals(0, t.status(), t.err());
        Path o = out.resolve("ProcessCounter.o");
        // the same object, for a tracepoint one letter off (the section's name, and its relocations' section's)
        String elf = new String(Files.readAllBytes(o), StandardCharsets.ISO_8859_1);
        Files.write(o, elf.replace("sys_enter_clone", "sys_enter_clonx").getBytes(StandardCharsets.ISO_8859_1));
        Cli r = Cli.run("run", o.toString(), "-d", "1ms");
        assertEquals("jbpf: " + o + ": program \"countProcesses\" (tracepoint/syscalls/sys_enter_clonx): no tracepoint syscalls/sys_enter_clonx: "
                + "/sys/kernel/tracing/events/syscalls/sys_enter_clonx/id does not exist; did you mean sys_enter_clone? (see "
                + "/sys/kernel/tracing/available_events "
                + "for the names this kernel has)\n", r.err());
        assertEquals(ExitCodes.FAILED, r.status());
    }
}
