package org.jbpf.toolchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jbpf.translator.TranslationException;
import org.jbpf.translator.Translator;
import org.jbpf.testsupport.Skip;
import org.jbpf.core.program.NearNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SectionCheckTest {
    final Translator.ClassSource classes = Translator.ClassSource.of(getClass().getClassLoader());

    /** A tracefs events directory with a few tracepoints, so the check does not depend on this machine. */
    static Path events(Path dir) throws Exception {
        for (String tp : new String[] {"syscalls/sys_enter_execve", "syscalls/sys_exit_execve", "syscalls/sys_enter_openat", "sched/sched_switch"})
            Files.createDirectories(dir.resolve(tp));
        return dir;
    }

    @Test void aMisspelledTracepointIsRejectedAtTranslationWithTheNearestName(@TempDir Path dir) throws Exception {
        Toolchain toolchain = new Toolchain(Backends.direct(), Translator.Options.DEFAULT, true, events(dir));
        TranslationException e = assertThrows(TranslationException.class,
                () -> toolchain.translate(classes.read("org/jbpf/toolchain/checks/Misspelled"), classes));
        assertEquals("Misspelled.java:12: no tracepoint syscalls/sys_enter_exceve on this machine; did you mean "
                + "sys_enter_execve? (@Section of onExec)", e.getMessage());
    }

    @Test void theColonSyntaxGetsTheSlashForm(@TempDir Path dir) throws Exception {
        Toolchain toolchain = new Toolchain(Backends.direct(), Translator.Options.DEFAULT, true, events(dir));
        TranslationException e = assertThrows(TranslationException.class,
                () -> toolchain.translate(classes.read("org/jbpf/toolchain/checks/Colons"), classes));
        assertEquals("Colons.java:12: section \"tracepoint:syscalls:sys_enter_execve\" is written in bpftrace's colon form; "
                + "jbpf sections use '/', e.g. \"tracepoint/syscalls/sys_enter_execve\" (@Section of onExec)", e.getMessage());
        assertEquals("section \"uprobe:/bin/bash:readline\" is written in bpftrace's colon form; jbpf sections use '/', "
                + "e.g. \"uprobe//bin/bash:readline\"", new SectionCheck(dir).problem("uprobe:/bin/bash:readline"));
    }

    @Test void unknownCategoriesExistingTracepointsAndOtherKinds(@TempDir Path dir) throws Exception {
        SectionCheck check = new SectionCheck(events(dir));
        assertEquals("no tracepoint category syscall on this machine (" + dir + "); did you mean syscalls?",
                check.problem("tracepoint/syscall/sys_enter_execve"));
        assertEquals("no tracepoint sched/nothing_like_it on this machine", check.problem("tp/sched/nothing_like_it"));
        assertNull(check.problem("tracepoint/syscalls/sys_enter_execve"));
        assertNull(check.problem("tp/sched/sched_switch"));
        assertNull(check.problem("xdp"));
        assertNull(check.problem("uprobe//usr/bin/bash:readline"));
        assertNull(new SectionCheck(dir.resolve("absent")).problem("tracepoint/syscalls/whatever"), "no tracefs: nothing to check against");
    }

    @Test void uprobeFunctionsAreCheckedInFilesPresentHere(@TempDir Path dir) throws Exception {
        Path libc = Path.of("/usr/lib/x86_64-linux-gnu/libc.so.6");
        // glibc lives here on the x86-64 Debian and Ubuntu machines jbpf is tested on; another layout is not a fault
        if (!Files.isRegularFile(libc)) Skip.optional("glibc", "no glibc at " + libc);
        SectionCheck check = new SectionCheck(dir);
        assertNull(check.problem("uprobe/" + libc + ":getpid"));
        assertNull(check.problem("uretprobe/" + libc + ":malloc+4"));
        assertEquals("no function getpdi in " + libc + " (.symtab/.dynsym); did you mean getpid?",
                check.problem("uprobe/" + libc + ":getpdi"));
        assertEquals("no function no_such_function_here in " + libc + " (.symtab/.dynsym)",
                check.problem("uprobe/" + libc + ":no_such_function_here"));
        Path text = Files.writeString(dir.resolve("notes.txt"), "not a binary");
        assertEquals(text + " is not a 64-bit little-endian ELF file", check.problem("uprobe/" + text + ":main"));
        assertEquals("uprobe file " + dir + " is not a regular file", check.problem("uprobe/" + dir + ":main"));
        assertNull(check.problem("uprobe//no/such/dir/libfoo.so:foo"), "a file absent here may exist where the probe runs");
        assertNull(check.problem("uprobe/libc.so.6:getpid"), "a bare library name is found as the dynamic linker finds it");
        assertEquals("no function getpdi in " + org.jbpf.loader.attach.UprobeFiles.find("libc.so.6") + " (.symtab/.dynsym); did you mean getpid?",
                check.problem("uprobe/libc.so.6:getpdi"));
        assertNull(check.problem("uprobe/libnothing.so.9:foo"), "a library absent here may exist where the probe runs");
    }

    @Test void editDistanceCountsASwapAsOne() {
        assertEquals(1, NearNames.distance("exceve", "execve"));
        assertEquals(1, NearNames.distance("openat", "openat2"));
        assertEquals(0, NearNames.distance("a", "a"));
        assertEquals("", NearNames.didYouMean("zzzzzz", java.util.List.of("sys_enter_execve")));
        assertEquals("; did you mean malloc?", NearNames.didYouMean("mallocc", java.util.List.of("calloc", "malloc", "free")));
    }
}
