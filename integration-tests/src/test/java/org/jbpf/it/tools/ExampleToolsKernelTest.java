package org.jbpf.it.tools;

import static org.jbpf.it.tools.ClassicToolsKernelTest.O_RDONLY;
import static org.jbpf.it.tools.ClassicToolsKernelTest.PID;
import static org.jbpf.it.tools.ClassicToolsKernelTest.load;
import static org.jbpf.it.tools.ClassicToolsKernelTest.on;
import static org.jbpf.it.tools.ClassicToolsKernelTest.records;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.nio.file.ExtendedOpenOption;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.jbpf.BPF;
import org.jbpf.examples.tools.BioSnoop;
import org.jbpf.examples.tools.CgroupSyscalls;
import org.jbpf.examples.tools.GetpidCalls;
import org.jbpf.it.Backend;
import org.jbpf.it.KernelCheck;
import org.jbpf.it.Workloads;
import org.jbpf.runtime.BpfMap;
import org.jbpf.runtime.CStrings;
import org.jbpf.testsupport.GatedChild;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The classic tools shipped in {@code org.jbpf.examples.tools}, each loaded into the running kernel on both backends
 * and checked against a workload whose events are known: the system calls a child makes in a cgroup of its own, the
 * libc calls a thread of this process makes, the direct reads it makes of a file whose place on the disk the file
 * system tells.
 */
class ExampleToolsKernelTest {
    static final long GETPPID = 110, GETPGID = 121;

    @BeforeEach
    void kernel() { KernelCheck.require(); }   // before a workload that needs root makes its cgroup

    @ParameterizedTest
    @EnumSource(Backend.class)
    void cgroupSyscallsCountsTheCallsOfAChildInItsOwnCgroup(Backend backend) throws Exception {
        Path cgroup = Files.createDirectory(Workloads.cgroup2Root().resolve("jt-cgcount-" + ProcessHandle.current().pid() + "-" + backend));
        try (BPF bpf = load(backend, CgroupSyscalls.class)) {
            GatedChild child = GatedChild.start(List.of("perl", "-e", GatedChild.PERL_GATE
                    + "syscall(" + GETPPID + ") for 1..7; syscall(" + GETPGID + ", 0) for 1..5;"));
            Files.writeString(cgroup.resolve("cgroup.procs"), Long.toString(child.pid()));
            child.go();
            assertEquals(0, child.finish());
            long id = ((Number) Files.getAttribute(cgroup, "unix:ino")).longValue();
            BpfMap<CgroupSyscalls.Key, Long> calls = bpf.map(CgroupSyscalls.calls);
            assertEquals(7L, calls.get(new CgroupSyscalls.Key(id, GETPPID)), "getppid() calls in " + cgroup);
            assertEquals(5L, calls.get(new CgroupSyscalls.Key(id, GETPGID)), "getpgid() calls in " + cgroup);
        } finally {
            Files.delete(cgroup);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void getpidCallsCountsEachCallAndItsResultPerThread(Backend backend) {
        try (BPF bpf = load(backend, GetpidCalls.class, "targetPid", PID)) {
            int quiet = on("jt-getpid-none", Libc.C::getppid);
            int tid = on("jt-getpid", () -> { for (int i = 0; i < 9; i++) Libc.C.getpid(); });
            assertEquals(9L, bpf.map(GetpidCalls.calls).get(tid), "calls into getpid()");
            assertEquals(9L, bpf.map(GetpidCalls.returns).get(tid), "returns from getpid()");
            assertEquals(PID, bpf.map(GetpidCalls.lastResult).get(tid), "what getpid() returned");
            assertEquals(null, bpf.map(GetpidCalls.calls).get(quiet), "a thread that never called getpid()");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void bioSnoopTimesEachDirectReadOfAFile(Backend backend) throws IOException {
        Path file = Files.createTempFile(Path.of("target"), "jt-biosnoop", ".data");
        try {
            Files.write(file, new byte[16 * 4096], StandardOpenOption.SYNC);
            Disk disk = Disk.under(file);
            long[] offsets = {0, 5 * 4096, 11 * 4096};
            List<Long> sectors = new ArrayList<>();
            for (long offset : offsets) sectors.add(disk.firstSector + physical(file, offset) / 512);
            try (BPF bpf = load(backend, BioSnoop.class);
                 FileChannel direct = FileChannel.open(file, StandardOpenOption.READ, ExtendedOpenOption.DIRECT)) {
                ByteBuffer page = ByteBuffer.allocateDirect(2 * 4096).alignedSlice(4096).limit(4096);
                for (long offset : offsets) {
                    page.clear();
                    assertEquals(4096, direct.read(page, offset), "a direct read of " + file + " at " + offset);
                }
                List<String> seen = new ArrayList<>();
                for (BioSnoop.Io io : records(bpf, BioSnoop.ios, BioSnoop.Io.class, 3, io -> io.dev == disk.dev && sectors.contains(io.sector))) {
                    seen.add(io.sector + " +" + io.sectors + " " + CStrings.text(io.rwbs) + " error " + io.error);
                    assertTrue(io.nanos > 0, "the read took time: " + io.nanos);
                }
                // a direct read is a synchronous one: R and S
                assertEquals(List.of(sectors.get(0) + " +8 RS error 0", sectors.get(1) + " +8 RS error 0", sectors.get(2) + " +8 RS error 0"), seen);
                long histogram = 0;
                for (long n : bpf.map(BioSnoop.micros).values()) histogram += n;
                assertTrue(histogram >= 3, "the histogram holds the three reads, holds " + histogram);
            }
        } finally {
            Files.delete(file);
        }
    }

    static final long FS_IOC_FIEMAP = 0xC020660BL;
    static final int FIEMAP_FLAG_SYNC = 1, FIEMAP_HEADER = 32, FIEMAP_EXTENT = 56, EXTENTS = 32;

    /** Where byte {@code offset} of {@code file} lies on its device, from the file system's extent map (FS_IOC_FIEMAP). */
    static long physical(Path file, long offset) {
        ByteBuffer map = ByteBuffer.allocate(FIEMAP_HEADER + EXTENTS * FIEMAP_EXTENT).order(java.nio.ByteOrder.nativeOrder());
        map.putLong(0, 0).putLong(8, -1L).putInt(16, FIEMAP_FLAG_SYNC).putInt(24, EXTENTS);
        int fd = Libc.C.open(file.toString(), O_RDONLY, 0);
        assertTrue(fd >= 0, "open " + file);
        try {
            assertEquals(0, Libc.C.ioctl(fd, FS_IOC_FIEMAP, map.array()), "FS_IOC_FIEMAP on " + file);
        } finally {
            Libc.C.close(fd);
        }
        for (int i = 0; i < map.getInt(20); i++) {
            int e = FIEMAP_HEADER + i * FIEMAP_EXTENT;
            long logical = map.getLong(e), physical = map.getLong(e + 8), length = map.getLong(e + 16);
            if (offset >= logical && offset < logical + length) return physical + offset - logical;
        }
        throw new AssertionError("no extent of " + file + " holds byte " + offset);
    }

    /** The disk holding a file: its dev_t as the kernel's tracepoints give it and the first sector of its partition. */
    record Disk(int dev, long firstSector) {
        static Disk under(Path file) throws IOException {
            long st = ((Number) Files.getAttribute(file, "unix:dev")).longValue();
            long major = ((st >>> 8) & 0xfff) | ((st >>> 32) & ~0xfffL), minor = (st & 0xff) | ((st >>> 12) & ~0xffL);
            Path sys = Path.of("/sys/dev/block/" + major + ":" + minor);
            if (!Files.isDirectory(sys)) throw new AssertionError(file + " is on device " + major + ":" + minor
                    + ", which is no block device (" + sys + " is missing): run the test from a directory on a disk");
            boolean partition = Files.exists(sys.resolve("partition"));
            long first = partition ? Long.parseLong(Files.readString(sys.resolve("start")).trim()) : 0;
            String[] disk = Files.readString((partition ? sys.toRealPath().getParent() : sys).resolve("dev")).trim().split(":");
            return new Disk(Integer.parseInt(disk[0]) << 20 | Integer.parseInt(disk[1]), first);
        }
    }
}
