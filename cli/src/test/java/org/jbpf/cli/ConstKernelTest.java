package org.jbpf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jbpf.testsupport.GatedChild;
import org.jbpf.testsupport.Kernel;
import org.jbpf.testsupport.Workload;
import org.junit.jupiter.api.Test;

/** jbpf run --const: a load-time constant set from the command line filters what the probe counts; its globals print. */
class ConstKernelTest {
    @Test void constantSelectsTheProcessCounted() throws Exception {
        Kernel.requireTracefs();
        // perl says it is ready once its own start-up (libraries, locale files) has opened what it opens, and opens a
        // file 25 times only once jbpf has attached; a child on a timer had counted one open too many on a loaded
        // machine (its start-up ran after the attach), and would count too few if attaching took longer than the timer
        GatedChild child = GatedChild.start(List.of("perl", "-e",
                GatedChild.PERL_GATE + "open(my $f, '<', '/etc/hostname') or die for 1..25;"));
        long pid = child.pid();
        Cli r = Cli.runWhileAttached(Workload.once("letgo", child::go), "run", "org.jbpf.examples.PidOpens", "-cp",
                CommandLineTest.EXAMPLES, "--const", "targetPid=" + pid, "--duration", "5s");
        assertEquals(0, child.finish());
        assertEquals(0, r.status(), r.err());
        Matcher row = Pattern.compile("(?m)^ *(\\d+) +(\\d+)$").matcher(r.out());
        int rows = 0;
        while (row.find()) {
            rows++;
            assertEquals(pid + " 25", row.group(1) + " " + row.group(2), "only the target's thread, every open:\n" + r.out());
        }
        assertEquals(1, rows, r.out());
        assertTrue(r.out().contains("globals: paused=0"), r.out());
    }

    @Test void jsonShowsGlobalsAndConstantsAsRead() throws Exception {
        Kernel.requireTracefs();
        // python calls getpid 1,000 times (glibc does not cache it) once jbpf has attached
        GatedChild child = GatedChild.start(List.of("python3", "-c",
                GatedChild.PYTHON_GATE + "import os\nfor _ in range(1000): os.getpid()"));
        Cli r = Cli.runWhileAttached(Workload.once("letgo", child::go), "run", "org.jbpf.cli.probes.GetpidGlobals", "-cp",
                RunKernelTest.TEST_CLASSES, "--const", "factor=2", "--duration", "5s", "--format", "json");
        assertEquals(0, child.finish());
        assertEquals(0, r.status(), r.err());
        com.fasterxml.jackson.databind.JsonNode globals = null;
        for (String line : r.out().split("\n"))
            if (!line.isBlank()) globals = new com.fasterxml.jackson.databind.ObjectMapper().readTree(line);
        assertEquals("globals", globals.get("type").asText(), r.out());
        // every call adds step * factor = 6; any process may call getpid too, and two CPUs may lose an add
        long calls = globals.get("variables").get("calls").asLong();
        assertTrue(calls >= 6 * 1000 * 9 / 10 && calls % 6 == 0, r.out());
        assertEquals(3, globals.get("variables").get("step").asLong(), r.out());
        assertEquals("0x0000000000000000" + "0700000000000000", globals.get("variables").get("last").asText(), r.out());
        assertEquals("{\"factor\":2}", globals.get("constants").toString(), r.out());
        assertEquals(1, r.out().lines().filter(l -> !l.isBlank()).count(), "no maps, one globals line: " + r.out());
    }

    @Test void unknownOrMalformedConstantsAreUsageErrors() {
        Cli unknown = Cli.run("run", "org.jbpf.examples.PidOpens", "-cp", CommandLineTest.EXAMPLES, "--const", "targetPdi=1");
        assertEquals(ExitCodes.USAGE, unknown.status());
        assertEquals("jbpf: PidOpens has no load-time constant \"targetPdi\"; its constants are targetPid\n", unknown.err());
        Cli bad = Cli.run("run", "org.jbpf.examples.PidOpens", "-cp", CommandLineTest.EXAMPLES, "--const", "targetPid=abc");
        assertEquals(ExitCodes.USAGE, bad.status());
        assertEquals("jbpf: bad --const 'targetPid=abc'; the value must be a number (1234, -1, 0x4d2) or true/false\n", bad.err());
    }

    /** A constant named without its value, in each way a command line can leave it out. */
    @Test void aConstantWithoutItsValueIsAUsageErrorSayingHowToWriteIt() {
        String[] probe = {"run", "org.jbpf.examples.PidOpens", "-cp", CommandLineTest.EXAMPLES};
        Cli noEquals = Cli.run(concat(probe, "--const", "targetPid"));
        assertEquals(ExitCodes.USAGE, noEquals.status());
        assertEquals("jbpf: bad --const 'targetPid'; write NAME=VALUE, e.g. --const targetPid=1234\n", noEquals.err());
        Cli empty = Cli.run(concat(probe, "--const", "targetPid="));
        assertEquals(ExitCodes.USAGE, empty.status());
        assertEquals("jbpf: bad --const 'targetPid='; the value must be a number (1234, -1, 0x4d2) or true/false\n", empty.err());
        Cli none = Cli.run(concat(probe, "--const"));
        assertEquals(ExitCodes.USAGE, none.status());
        assertTrue(none.err().startsWith("jbpf: missing required parameter for option '--const' (NAME=VALUE)\nUsage: jbpf run "), none.err());
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
