package org.jbpf.core.program;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.jbpf.core.obj.ProgramSpec;
import org.junit.jupiter.api.Test;

class SectionTest {

    private static String refusal(String text) {
        return assertThrows(IllegalArgumentException.class, () -> Section.parse(text)).getMessage();
    }

    @Test void everyKindAndAliasParsesToItsRow() {
        record Row(String text, SectionKind kind, String target, int progType, int attachType, String context) {}
        List<Row> rows = List.of(
                new Row("tracepoint/syscalls/sys_enter_openat", SectionKind.TRACEPOINT, "syscalls/sys_enter_openat", 5, 0, "org.jbpf.TracepointContext"),
                new Row("tp/sched/sched_process_exec", SectionKind.TRACEPOINT, "sched/sched_process_exec", 5, 0, "org.jbpf.TracepointContext"),
                new Row("raw_tracepoint/sys_enter", SectionKind.RAW_TRACEPOINT, "sys_enter", 17, 0, "org.jbpf.RawTracepointContext"),
                new Row("raw_tp/sched_switch", SectionKind.RAW_TRACEPOINT, "sched_switch", 17, 0, "org.jbpf.RawTracepointContext"),
                new Row("kprobe/do_sys_openat2", SectionKind.KPROBE, "do_sys_openat2", 2, 0, "org.jbpf.PtRegs"),
                new Row("kretprobe/vfs_read.isra.0", SectionKind.KRETPROBE, "vfs_read.isra.0", 2, 0, "org.jbpf.PtRegs"),
                new Row("uprobe//usr/lib/libc.so.6:malloc", SectionKind.UPROBE, "/usr/lib/libc.so.6:malloc", 2, 0, "org.jbpf.PtRegs"),
                new Row("uretprobe//bin/bash:readline+0x10", SectionKind.URETPROBE, "/bin/bash:readline+0x10", 2, 0, "org.jbpf.PtRegs"),
                new Row("xdp", SectionKind.XDP, "", 6, 37, "org.jbpf.XdpContext"),
                new Row("xdp/loops", SectionKind.XDP, "loops", 6, 37, "org.jbpf.XdpContext"),
                new Row("socket", SectionKind.SOCKET, "", 1, 0, "org.jbpf.SkBuffContext"),
                new Row("perf_event", SectionKind.PERF_EVENT, "", 7, 0, "org.jbpf.PtRegs"),
                new Row("classifier", SectionKind.CLASSIFIER, "", 3, 0, "org.jbpf.SkBuffContext"),
                new Row("tc/ingress", SectionKind.CLASSIFIER, "ingress", 3, 0, "org.jbpf.SkBuffContext"),
                new Row("tp_btf/sched_process_exec", SectionKind.TP_BTF, "sched_process_exec", 26, 23, "org.jbpf.TracingContext"));
        for (Row r : rows) {
            Section s = Section.parse(r.text);
            assertEquals(r.kind, s.kind(), r.text);
            assertEquals(r.target, s.target(), r.text);
            assertEquals(r.progType, s.kind().programType(), r.text);
            assertEquals(r.attachType, s.kind().expectedAttachType(), r.text);
            assertEquals(r.context, s.kind().contextClass(), r.text);
            assertEquals(r.text, s.toString());
        }
        assertEquals(SectionKind.values().length, rows.stream().map(Row::kind).distinct().count(), "every kind is covered");
    }

    @Test void everyNameOfTheTableLooksUpItsOwnRow() {
        int names = 0;
        for (SectionKind k : SectionKinds.all())
            for (String n : k.names()) {
                assertSame(k, SectionKinds.byName(n));
                assertSame(k, Section.parse(n).kind());
                names++;
            }
        assertEquals(15, names);
        assertSame(SectionKind.CLASSIFIER, Section.parse("tcx/egress").kind());
        assertNull(SectionKinds.byName("fentry"));
        assertEquals("tracepoint", SectionKinds.prefixOf("tracepoint/a/b"));
    }

    @Test void everyExampleInTheTableIsAValidSectionOfItsKind() {
        for (SectionKind k : SectionKinds.all()) {
            Section s = Section.parse(k.example());
            assertSame(k, s.kind(), k.example());
            if (k.attachesBySection()) assertSame(s, s.requireAttachTarget(), k.example());
            assertTrue(k.targetSyntax().startsWith(k.canonicalName()), k.targetSyntax());
        }
    }

    @Test void targetPartsOfTracepointsAndUprobes() {
        Section tp = Section.parse("tp/syscalls/sys_enter_read");
        assertEquals("syscalls", tp.tracepointCategory());
        assertEquals("sys_enter_read", tp.tracepointName());
        Section up = Section.parse("uretprobe//bin/bash:readline");
        assertEquals("/bin/bash", up.uprobePath());
        assertEquals("readline", up.uprobeSymbol());
        assertThrows(IllegalStateException.class, tp::uprobePath);
        assertThrows(IllegalStateException.class, up::tracepointName);
        assertThrows(IllegalStateException.class, () -> Section.parse("tracepoint").tracepointName());
    }

    @Test void traversalAndMalformedTracepointsAreRefused() {
        for (String bad : List.of("tracepoint/../../../../tmp/x/tp", "tracepoint/../x", "tracepoint/syscalls/..",
                "tracepoint/syscalls", "tracepoint/syscalls/", "tracepoint//sys_enter_read", "tracepoint/a/b/c",
                "tp/./id", "tracepoint/.hidden/x", "tracepoint/-x/y")) {
            String m = refusal(bad);
            assertTrue(m.startsWith("section \"" + bad + "\" is not tracepoint/<category>/<name>")
                    || m.startsWith("section \"" + bad + "\" ends in '/'"), m);
            assertTrue(m.contains("tracepoint/syscalls/sys_enter_openat"), m);
        }
        assertEquals("section \"tracepoint/../../../../tmp/x/tp\" is not tracepoint/<category>/<name> with a category "
                + "and a name of letters, digits, '_', '-' or '.' (no empty part, no '..', no further '/'), "
                + "e.g. tracepoint/syscalls/sys_enter_openat", refusal("tracepoint/../../../../tmp/x/tp"));
    }

    @Test void nulSpacesAndControlCharactersAreRefusedAndShown() {
        assertEquals("section \"tracepoint/syscalls/x\\0y\" has a NUL at index 21; section names are printable ASCII without spaces",
                refusal("tracepoint/syscalls/x\0y"));
        assertEquals("section \"xdp a\" has a space at index 3; section names are printable ASCII without spaces", refusal("xdp a"));
        assertTrue(refusal("kprobe/a\nb").contains("the unprintable character \\u000a at index 8"));
        assertEquals("the section name is empty; use one of " + SectionKinds.known(), refusal(""));
        assertThrows(IllegalArgumentException.class, () -> Section.parse(null));
    }

    @Test void namesOfRawTracepointsAndKprobesAreSingleNames() {
        assertTrue(refusal("raw_tracepoint/../x").startsWith("section \"raw_tracepoint/../x\" is not raw_tracepoint/<name>"));
        assertTrue(refusal("raw_tp/a/b").contains("e.g. raw_tracepoint/sys_enter"));
        assertTrue(refusal("kprobe/../../x").startsWith("section \"kprobe/../../x\" is not kprobe/<kernel function>"));
        assertTrue(refusal("kretprobe/").contains("ends in '/' with no target; write kretprobe/<kernel function>"));
    }

    @Test void aMisspelledKindGetsTheNearestKindAndAShortOneNoGuess() {
        assertTrue(refusal("tracepiont/syscalls/sys_enter_getpid").startsWith("section \"tracepiont/syscalls/sys_enter_getpid\": unknown program "
                + "kind \"tracepiont\" (did you mean tracepoint?); use one of "), refusal("tracepiont/syscalls/sys_enter_getpid"));
        assertTrue(refusal("kprobee/do_sys_open").contains("unknown program kind \"kprobee\" (did you mean kprobe?)"));
        assertTrue(refusal("sk/x").contains("unknown program kind \"sk\"; use one of"), refusal("sk/x"));
    }

    @Test void uprobesNeedAPathAndASymbol() {
        for (String bad : List.of("uprobe//bin/bash", "uprobe/:malloc", "uprobe//bin/bash:", "uprobe//bin/bash:a/b", "uprobe//bin/bash:f+x",
                "uprobe//bin/bash:f+", "uprobe//bin/bash:+16", "uprobe//bin/bash:f+0x", "uprobe//bin/bash:f+0x1g", "uprobe//bin/bash:f+1+2",
                "uprobe//bin/bash:f+-1", "uprobe//bin/bash:f%g"))
            assertTrue(refusal(bad).startsWith("section \"" + bad + "\" is not uprobe/<path>:<symbol>"), refusal(bad));
        assertEquals("malloc+16", Section.parse("uprobe/libc.so.6:malloc+16").uprobeSymbol());
        for (String symbol : List.of("malloc", "_Z3fooi@@GLIBC_2.2.5", "a.b$c+0x1fA", "f+0X10", "f+010"))
            assertEquals(symbol, Section.parse("uprobe//lib/x.so:" + symbol).uprobeSymbol());
        // names: letters, digits, '_', '-', '.', not starting with '.' or '-'
        assertEquals("sys_enter_open-at.2", Section.parse("tracepoint/sys-calls/sys_enter_open-at.2").tracepointName());
        for (String bad : List.of("tracepoint/.x/y", "tracepoint/x/-y", "tracepoint/x/y$", "kprobe/.hidden", "kprobe/a:b"))
            assertTrue(refusal(bad).startsWith("section \"" + bad + "\" is not "), refusal(bad));
    }

    @Test void bpftraceColonFormIsAnsweredWithTheSlashForm() {
        assertEquals("section \"tracepoint:syscalls:sys_enter_execve\" is written in bpftrace's colon form; jbpf sections "
                + "use '/', e.g. \"tracepoint/syscalls/sys_enter_execve\"", refusal("tracepoint:syscalls:sys_enter_execve"));
        assertTrue(refusal("t:sched:sched_switch").endsWith("\"tracepoint/sched/sched_switch\""));
        assertTrue(refusal("kprobe:do_sys_open").endsWith("\"kprobe/do_sys_open\""));
        assertTrue(refusal("kr:vfs_read").endsWith("\"kretprobe/vfs_read\""));
        assertTrue(refusal("uprobe:/bin/bash:readline").endsWith("\"uprobe//bin/bash:readline\""));
        assertTrue(refusal("rawtracepoint:sys_enter").endsWith("\"raw_tracepoint/sys_enter\""));
    }

    @Test void unknownKindsListTheKnownOnes() {
        String m = refusal("lsm/file_open");
        assertEquals("section \"lsm/file_open\": unknown program kind \"lsm\"; use one of tracepoint/<category>/<name> (tp), "
                + "raw_tracepoint/<name> (raw_tp), kprobe/<kernel function>, kretprobe/<kernel function>, uprobe/<path>:<symbol>, "
                + "uretprobe/<path>:<symbol>, xdp[/<label>], socket[/<label>], perf_event[/<label>], classifier[/<label>] (tc, tcx), "
                + "tp_btf/<tracepoint>", m);
        assertTrue(refusal("foo:bar").contains("unknown program kind \"foo:bar\""));
    }

    @Test void attachTargetIsRequiredOnlyToAttachBySection() {
        assertEquals("syscalls/sys_enter_read", Section.parse("tracepoint/syscalls/sys_enter_read").requireAttachTarget().target());
        assertEquals("section \"tracepoint\" does not say where to attach; write tracepoint/<category>/<name>, "
                + "e.g. tracepoint/syscalls/sys_enter_openat",
                assertThrows(IllegalArgumentException.class, () -> Section.parse("tracepoint").requireAttachTarget()).getMessage());
        assertEquals("section \"xdp/loops\": xdp programs do not attach by section name; attach them to an interface explicitly",
                assertThrows(IllegalArgumentException.class, () -> Section.parse("xdp/loops").requireAttachTarget()).getMessage());
        assertTrue(SectionKind.UPROBE.attachesBySection());
        assertFalse(SectionKind.CLASSIFIER.attachesBySection());
        assertTrue(SectionKind.PERF_EVENT.isTracing());
        assertFalse(SectionKind.SOCKET.isTracing());
    }

    @Test void perfEventSectionsNameAClockRateToAttachBySection() {
        Section profile = Section.parse("perf_event/cpu-clock-99hz");
        assertEquals(99, profile.cpuClockHz());
        assertTrue(profile.attachesBySection());
        assertSame(profile, profile.requireAttachTarget());
        assertEquals(100_000, Section.parse("perf_event/cpu-clock-100000hz").cpuClockHz());
        assertEquals(0, Section.parse("perf_event/cycles").cpuClockHz(), "another label: attached by the caller");
        assertFalse(Section.parse("perf_event").attachesBySection());
        assertEquals(0, Section.parse("xdp/cpu-clock-99hz").cpuClockHz(), "only perf_event sections sample");
        assertEquals("section \"perf_event\": perf_event programs do not attach by section name; attach them to a perf event"
                + " (or name one: perf_event/cpu-clock-99hz samples every CPU 99 times a second) explicitly",
                assertThrows(IllegalArgumentException.class, () -> Section.parse("perf_event").requireAttachTarget()).getMessage());
        for (String bad : new String[] {"perf_event/cpu-clock-0hz", "perf_event/cpu-clock-100001hz", "perf_event/cpu-clock-99", "perf_event/cpu-clock-fasthz"})
            assertEquals("section \"" + bad + "\" is not perf_event/cpu-clock-<N>hz with N from 1 to 100000 samples a second, e.g. "
                    + "perf_event/cpu-clock-99hz", refusal(bad));
        assertEquals("section \"profile:hz:99\" is written in bpftrace's colon form; jbpf samples every CPU with \"perf_event/cpu-clock-99hz\"",
                refusal("profile:hz:99"));
    }

    @Test void programSpecKindIsTheCanonicalKindName() {
        assertEquals("tracepoint", new ProgramSpec("p", "tp/a/b", List.of(), List.of()).kind());
        assertEquals("raw_tracepoint", new ProgramSpec("p", "raw_tp/x", List.of(), List.of()).kind());
        assertEquals("xdp", new ProgramSpec("p", "xdp/loops", List.of(), List.of()).kind());
        assertEquals("fentry", new ProgramSpec("p", "fentry/x", List.of(), List.of()).kind());
    }
}
