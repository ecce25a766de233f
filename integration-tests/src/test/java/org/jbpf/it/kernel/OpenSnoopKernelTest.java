package org.jbpf.it.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jbpf.BPF;
import org.jbpf.events.RingBufferReader;
import org.jbpf.examples.kernel.OpenEvent;
import org.jbpf.examples.kernel.OpenSnoop;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.it.kernel.probes.RawOpenat;
import org.jbpf.it.kernel.probes.ReadsMisnamedRecord;
import org.jbpf.it.kernel.probes.ReadsShiftedRecord;
import org.jbpf.maps.RingBuffer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The opensnoop example on the running kernel: the file names it reads through the typed sys_enter_openat record
 * ({@code ctx.as(SysEnterOpenat.class).filename}) are exactly the files a child cat opened, in order, under its pid
 * and command name; the same through the raw sys_enter tracepoint's pt_regs read by name. A record class that
 * disagrees with the kernel's format is refused at load, naming its Java field.
 */
class OpenSnoopKernelTest {
    @TempDir Path tmp;

    @BeforeEach
    void kernel() { KernelCheck.require(); }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void fileNamesAreExactlyTheFilesAChildOpened(Backend backend) throws Exception {
        try (BPF bpf = backend.loadAndAttach(OpenSnoop.class)) {
            childOpens(bpf, OpenSnoop.events);
        }
    }

    @Test
    void theRawSysEnterTracepointReadsTheSameNamesThroughPtRegs() throws Exception {
        try (BPF bpf = Backend.DIRECT.loadAndAttach(RawOpenat.class)) {
            childOpens(bpf, RawOpenat.events);
        }
    }

    /** A child cat opens files in tmp (one twice); the events name exactly those, in order, under its pid. */
    private void childOpens(BPF bpf, RingBuffer events) throws Exception {
        List<String> files = new ArrayList<>();
        for (String name : List.of("alpha.txt", "beta.txt", "gamma.txt", "alpha.txt")) {
            Path f = tmp.resolve(name);
            if (!Files.exists(f)) Files.writeString(f, name);
            files.add(f.toString());
        }
        List<OpenEvent> got = Collections.synchronizedList(new ArrayList<>());
        try (RingBufferReader<OpenEvent> reader = bpf.ringBuffer(events, OpenEvent.class, got::add)) {
            List<String> command = new ArrayList<>(List.of("/bin/cat"));
            command.addAll(files);
            // every openat on the machine lands in the ring: drain it while cat runs, so others' opens cannot fill it
            AtomicBoolean done = new AtomicBoolean();
            Thread drain = new Thread(() -> { while (!done.get()) reader.poll(20); });
            drain.start();
            int pid;
            try {
                Process cat = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                assertTrue(cat.waitFor(30, TimeUnit.SECONDS));
                assertEquals(0, cat.exitValue());
                pid = (int) cat.pid();
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (inTmp(got, pid).size() < files.size() && System.nanoTime() < deadline) Thread.sleep(20);
            } finally {
                done.set(true);
                drain.join();
            }
            assertEquals(files, inTmp(got, pid), "files under " + tmp + " that cat " + pid + " opened, in order");
            // before its exec the child is still the JVM's spawn helper; every file it opened afterwards is cat's
            for (OpenEvent e : mine(got, pid))
                if (text(e.filename).startsWith(tmp.toString())) assertEquals("cat", text(e.comm), "command of pid " + pid);
            assertTrue(mine(got, pid).size() > files.size(), "cat also opened its libraries: " + mine(got, pid).size() + " opens");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aRecordClassThatDisagreesWithTheKernelsFormatIsRefusedAtLoad(Backend backend) {
        var shifted = backend.translate(ReadsShiftedRecord.class);
        assertEquals("program onOpenat: ShiftedOpenat.syscallNr is at offset 0 (8 bytes), but this kernel's record of tracepoint "
                + "syscalls/sys_enter_openat has __syscall_nr at offset 8 (4 bytes); regenerate the class with jbpf gen tracepoint "
                + "syscalls/sys_enter_openat",
                assertThrows(RuntimeException.class, () -> BPF.load(shifted, ReadsShiftedRecord.class).close()).getMessage());
        var misnamed = backend.translate(ReadsMisnamedRecord.class);
        assertEquals("program onOpenat: MisnamedOpenat.common has no field of that name in this kernel's record of tracepoint "
                + "syscalls/sys_enter_openat (its fields: common_type, common_flags, common_preempt_count, common_pid, __syscall_nr, "
                + "dfd, filename, flags, mode); regenerate the class with jbpf gen tracepoint syscalls/sys_enter_openat",
                assertThrows(RuntimeException.class, () -> BPF.load(misnamed, ReadsMisnamedRecord.class).close()).getMessage());
    }

    @Test
    void onlyJavaRecordClassesAreChecked() {
        // the same object with the struct's java: tag moved away, as a C program's "struct trace_event_raw_sys_enter *ctx"
        var obj = Backend.DIRECT.translate(ReadsShiftedRecord.class);
        var btf = obj.btf();
        int tag = btf.find(org.jbpf.core.btf.BtfType.KIND_DECL_TAG, "java:ShiftedOpenat");
        assertTrue(tag > 0, "the record struct is tagged");
        btf.set(tag, new org.jbpf.core.btf.BtfType.DeclTag("c:ctx", 1, -1));
        try (BPF bpf = BPF.load(obj, ReadsShiftedRecord.class)) {
            assertTrue(org.jbpf.loader.ProgramInfo.of(bpf.program("onOpenat").fd()).id() > 0, "loaded without the format check");
        }
    }

    private static List<OpenEvent> mine(List<OpenEvent> got, int pid) {
        synchronized (got) {
            return got.stream().filter(e -> e.pid == pid).toList();
        }
    }

    private List<String> inTmp(List<OpenEvent> got, int pid) {
        return mine(got, pid).stream().map(e -> text(e.filename)).filter(n -> n.startsWith(tmp.toString())).toList();
    }

    private static String text(byte[] b) {
        int n = 0;
        while (n < b.length && b[n] != 0) n++;
        return new String(b, 0, n, StandardCharsets.UTF_8);
    }
}
