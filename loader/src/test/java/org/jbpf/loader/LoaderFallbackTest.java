package org.jbpf.loader;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.asm.SourceLine;
import org.jbpf.core.btf.Btf;
import org.jbpf.core.btf.BtfType;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.MapSpec;
import org.jbpf.core.obj.MapTypes;
import org.jbpf.core.obj.ProgramSpec;
import org.jbpf.loader.fake.FakeBpf;
import org.jbpf.loader.sys.BpfException;
import org.jbpf.loader.sys.Errno;
import org.junit.jupiter.api.Test;

/** The loader's degraded paths, each driven by a fake kernel that refuses exactly one thing. */
class LoaderFallbackTest {
    private final FakeBpf kernel = new FakeBpf();
    private final Loader loader = new Loader(BtfEncoder.core(), kernel);

    /** One hash map with BTF key/value types and one program that looks it up, with Java source lines. */
    private static BpfObject object() {
        Btf btf = new Btf();
        int u32 = btf.add(new BtfType.IntType("unsigned int", 4, 0, 0, 32));
        int u64 = btf.add(new BtfType.IntType("unsigned long", 8, 0, 0, 64));
        MapSpec map = new MapSpec("counts", MapTypes.HASH, 4, 8, 16, 0, u32, u64);
        List<Insn> insns = List.of(
                Insn.ldMap(1, "counts").withSource(new SourceLine("Probe.java", 10, 0, "counts.lookup(pid)")),
                Insn.mov64Imm(0, 0).withSource(new SourceLine("Probe.java", 11, 0, "return 0;")),
                Insn.exit());
        ProgramSpec prog = new ProgramSpec("count", "tracepoint/syscalls/sys_enter_getppid", insns, List.of());
        return new BpfObject("Probe", "GPL", List.of(map), List.of(prog), btf);
    }

    @Test
    void loadsWithBtfAndLineInfoWhenTheKernelTakesThem() {
        try (LoadedObject o = loader.load(object())) {
            assertEquals(List.of("BPF_BTF_LOAD", "BPF_MAP_CREATE+btf", "BPF_PROG_LOAD+btf+line_info"), kernel.calls());
            assertEquals(List.of(), o.warnings());
            assertTrue(kernel.map(o.map("counts").fd().value()).withBtf);
        }
        assertEquals(List.of(), kernel.openFds(), "close releases every fd");
        assertEquals(List.of(), kernel.problems());
    }

    @Test
    void btfRefusedLoadsEverythingWithoutBtfAndSaysWhy() {
        kernel.btfErrno = Errno.EINVAL;
        kernel.btfLog = "magic: 0xeb9f\n[3] DATASEC license size=0 vlen=1\nInvalid size\n";
        try (LoadedObject o = loader.load(object())) {
            assertEquals(List.of("BPF_BTF_LOAD", "BPF_BTF_LOAD+log", "BPF_MAP_CREATE", "BPF_PROG_LOAD"), kernel.calls());
            assertEquals(List.of("object Probe: the kernel rejected its BTF (EINVAL [[3] DATASEC license size=0 vlen=1, Invalid size]); "
                    + "maps and programs loaded without BTF"), o.warnings().subList(0, 1).stream()
                    .map(w -> w.replace("magic: 0xeb9f, ", "")).toList());
            assertNull(o.btf());
        }
        assertEquals(List.of(), kernel.openFds());
    }

    @Test
    void btfRefusedForLackOfPrivilegeIsAnErrorNotAFallback() {
        kernel.btfErrno = Errno.EPERM;
        BpfException e = assertThrows(BpfException.class, () -> loader.load(object()));
        assertEquals("BPF_BTF_LOAD of object Probe failed: EPERM: needs CAP_BPF/CAP_SYS_ADMIN (run as root)", e.getMessage());
        assertEquals(List.of("BPF_BTF_LOAD"), kernel.calls());
    }

    @Test
    void mapBtfTypesRefusedCreatesTheMapWithoutThem() {
        kernel.mapBtfErrno = Errno.EINVAL;
        try (LoadedObject o = loader.load(object())) {
            assertEquals(List.of("BPF_BTF_LOAD", "BPF_MAP_CREATE+btf", "BPF_MAP_CREATE", "BPF_PROG_LOAD+btf+line_info"), kernel.calls());
            assertEquals(List.of("map counts: the kernel rejected its BTF types (EINVAL); created without BTF"), o.warnings());
            assertFalse(kernel.map(o.map("counts").fd().value()).withBtf);
        }
        assertEquals(List.of(), kernel.openFds());
    }

    @Test
    void lineInfoRefusedRetriesWithoutIt() {
        kernel.progLoadErrno = attr -> attr.lineInfoCount() > 0 ? Errno.EINVAL : 0;
        try (LoadedObject o = loader.load(object())) {
            assertEquals(List.of("BPF_BTF_LOAD", "BPF_MAP_CREATE+btf", "BPF_PROG_LOAD+btf+line_info", "BPF_PROG_LOAD"), kernel.calls());
            assertEquals(List.of("program count: rejected with its BTF line info; retried without it"), o.warnings());
            assertNotNull(o.program("count"));
        }
        assertEquals(List.of(), kernel.openFds());
    }

    @Test
    void refusedProgramIsLoadedAgainWithAGrowingLogAndBlamedOnItsJavaLine() {
        kernel.progLoadErrno = attr -> Errno.EACCES;
        // longer than the first log buffer, so the kernel answers ENOSPC until the buffer is grown
        kernel.verifierLog = "x".repeat(Loader.LOG_START + 10) + "\n0: (18) r1 = map[id:1]\nR1 invalid mem access 'map_ptr'\n";
        VerifierException e = assertThrows(VerifierException.class, () -> loader.load(object()));
        assertEquals(List.of("BPF_BTF_LOAD", "BPF_MAP_CREATE+btf", "BPF_PROG_LOAD+btf+line_info", "BPF_PROG_LOAD",
                "BPF_PROG_LOAD+btf+line_info+log" + Loader.LOG_START, "BPF_PROG_LOAD+btf+line_info+log" + Loader.LOG_START * 4),
                kernel.calls());
        assertTrue(e.getMessage().startsWith("the kernel verifier rejected program \"count\" (section tracepoint/syscalls/"
                + "sys_enter_getppid) at Probe.java:10 (counts.lookup(pid)), instruction 0 [EACCES]"), e.getMessage());
        assertTrue(e.getMessage().endsWith("R1 invalid mem access 'map_ptr'"), e.getMessage());
        assertEquals(List.of(), kernel.openFds(), "a failed load closes what it created");
    }

    @Test
    void refusedBothWaysIsExplainedByTheLoadWithBtfNotByTheMissingFuncInfo() {
        // without BTF the kernel refuses a program with BPF functions for that alone; with it, for the verifier's reason
        kernel.progLoadErrno = attr -> Errno.EINVAL;
        kernel.verifierLog = "0: (18) r1 = map[id:1]\nthe sequence of 8193 jumps is too complex\n";
        VerifierException e = assertThrows(VerifierException.class, () -> loader.load(object()));
        assertEquals("BPF_PROG_LOAD+btf+line_info+log" + Loader.LOG_START, kernel.calls().get(kernel.calls().size() - 1));
        assertEquals(0, kernel.count("BPF_PROG_LOAD+log" + Loader.LOG_START), "no log is taken of the load without BTF");
        assertTrue(e.getMessage().endsWith("the sequence of 8193 jumps is too complex"), e.getMessage());
        assertEquals(List.of(), kernel.openFds());
    }

    @Test
    void logNeverFitsStopsGrowingAtTheLimit() {
        kernel.progLoadErrno = attr -> Errno.EACCES;
        kernel.verifierLog = "y".repeat(Loader.LOG_MAX + 1);
        assertThrows(VerifierException.class, () -> loader.load(object()));
        assertEquals(1, kernel.count("BPF_PROG_LOAD+btf+line_info+log" + Loader.LOG_MAX));
        assertEquals(0, kernel.count("BPF_PROG_LOAD+btf+line_info+log" + Loader.LOG_MAX * 4));
    }

    @Test
    void permissionRefusalIsReportedAtOnceWithoutLogRetries() {
        kernel.progLoadErrno = attr -> Errno.EPERM;
        BpfException e = assertThrows(BpfException.class, () -> loader.load(object()));
        assertEquals("BPF_PROG_LOAD of program \"count\" failed: EPERM: needs CAP_BPF/CAP_SYS_ADMIN (run as root)", e.getMessage());
        assertEquals(List.of("BPF_BTF_LOAD", "BPF_MAP_CREATE+btf", "BPF_PROG_LOAD+btf+line_info"), kernel.calls());
        assertEquals(List.of(), kernel.openFds());
    }

    @Test
    void programsGetTheirMapsFdPatchedIn() {
        try (LoadedObject o = loader.load(object())) {
            List<Insn> patched = MapRelocator.relocate(o.object().programs().get(0), o);
            assertEquals(o.map("counts").fd().value(), patched.get(0).imm());
        }
    }

    @Test
    void aProgramReferringToAnUndeclaredMapIsRefusedBeforeTheKernelSeesIt() {
        BpfObject obj = object();
        ProgramSpec bad = new ProgramSpec("bad", "tracepoint/syscalls/sys_enter_getppid",
                List.of(Insn.ldMap(1, "missing"), Insn.mov64Imm(0, 0), Insn.exit()), List.of());
        BpfObject withBad = new BpfObject(obj.name(), obj.license(), obj.maps(), List.of(bad), obj.btf());
        BpfException e = assertThrows(BpfException.class, () -> loader.load(withBad));
        assertEquals("program \"bad\" instruction 0 refers to map \"missing\", which object Probe does not declare", e.getMessage());
        assertEquals(0, kernel.count("BPF_PROG_LOAD"));
        assertEquals(List.of(), kernel.openFds());
    }

    @Test
    void btfThatCannotBeEncodedLoadsWithoutItAndSaysWhy() {
        Loader failing = new Loader((btf, strings) -> { throw new IllegalArgumentException("type 7 refers to missing type 9"); }, kernel);
        try (LoadedObject o = failing.load(object())) {
            assertEquals(List.of("BPF_MAP_CREATE", "BPF_PROG_LOAD"), kernel.calls());
            assertEquals(List.of("object Probe: type 7 refers to missing type 9; loading without BTF"), o.warnings());
        }
        assertEquals(List.of(), kernel.openFds());
    }

    @Test
    void mapCreationRefusedForLackOfPrivilegeNamesTheMapAndClosesTheBtf() {
        kernel.mapBtfErrno = Errno.EPERM;
        BpfException e = assertThrows(BpfException.class, () -> loader.load(object()));
        assertEquals("BPF_MAP_CREATE of map \"counts\" (hash, key 4 B, value 8 B, max_entries 16) failed: EPERM: "
                + "needs CAP_BPF/CAP_SYS_ADMIN (run as root)", e.getMessage());
        assertEquals(List.of(), kernel.openFds());
    }
}
