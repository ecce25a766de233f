package org.jbpf.it.loader;

import static org.jbpf.core.asm.Opcodes.*;
import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jbpf.BPF;
import org.jbpf.core.asm.Insn;
import org.jbpf.loader.attach.Link;
import org.jbpf.loader.sys.BpfException;
import org.jbpf.runtime.BpfMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Loads hand-assembled programs, attaches them to real hooks, triggers them from Java and reads the counts back. */
class AttachTest {

    @BeforeEach
    void kernel() { Kernel.require(); }

    @Test
    void tracepointCountsEachGetppidOfThisProcess() {
        try (BPF bpf = BPF.load(Programs.counter("tracepoint/syscalls/sys_enter_getppid", List.of())).attachAll()) {
            BpfMap<Integer, Long> counts = bpf.map("counts", Integer.class, Long.class);
            assertNull(counts.get(Kernel.pid()), "nothing counted before the first call");
            int calls = 37;
            for (int i = 0; i < calls; i++) Kernel.getppid();
            assertEquals(calls, counts.get(Kernel.pid()));
            assertEquals(List.of(Kernel.pid()), counts.keys(), "only this process is counted");
            assertEquals(1, bpf.links().size());
            assertTrue(bpf.links().get(0).description().contains("syscalls/sys_enter_getppid"));
        }
    }

    @Test
    void rawTracepointSeesTheSyscallNumber() {
        // args[1] of raw_tracepoint/sys_enter is the syscall number; count only getppid (110)
        List<Insn> onlyGetppid = List.of(Insn.load(8, R6, R1, 8), Insn.jumpImm(JNE, R6, 110, 22));
        try (BPF bpf = BPF.load(Programs.counter("raw_tracepoint/sys_enter", onlyGetppid)).attachAll()) {
            BpfMap<Integer, Long> counts = bpf.map("counts", Integer.class, Long.class);
            for (int i = 0; i < 11; i++) Kernel.rawGetppid();
            assertEquals(11L, counts.get(Kernel.pid()));
        }
    }

    @Test
    void uprobeOnLibcFunctionCountsCallsThroughIt() throws IOException {
        String libc = libcPath();
        try (BPF bpf = BPF.load(Programs.counter("uprobe/" + libc + ":getppid", List.of())).attachAll()) {
            BpfMap<Integer, Long> counts = bpf.map("counts", Integer.class, Long.class);
            for (int i = 0; i < 9; i++) Kernel.getppid();
            for (int i = 0; i < 5; i++) Kernel.rawGetppid();  // bypasses libc's getppid: not counted
            assertEquals(9L, counts.get(Kernel.pid()));
        }
    }

    @Test
    void missingTracepointIsNamedWithItsTracefsPath() {
        try (BPF bpf = BPF.load(Programs.counter("tracepoint/syscalls/sys_enter_foo", List.of()))) {
            BpfException e = assertThrows(BpfException.class, bpf::attachAll);
            assertTrue(e.getMessage().startsWith("program \"count_calls\" (tracepoint/syscalls/sys_enter_foo): no tracepoint "
                    + "syscalls/sys_enter_foo: /sys/kernel/"), e.getMessage());
            assertTrue(e.getMessage().contains("events/syscalls/sys_enter_foo/id does not exist"), e.getMessage());
        }
    }

    @Test
    void kprobeOnKernelWithoutKprobesSaysSo() {
        boolean hasKprobes = Files.isDirectory(Path.of("/sys/bus/event_source/devices/kprobe"));
        try (BPF bpf = BPF.load(Programs.counter("kprobe/do_sys_openat2", List.of()))) {
            if (hasKprobes) {
                try (Link l = bpf.program("count_calls").attach()) {
                    assertTrue(l.description().contains("do_sys_openat2"));
                }
            } else {
                BpfException e = assertThrows(BpfException.class, bpf::attachAll);
                assertEquals("program \"count_calls\" (kprobe/do_sys_openat2): this kernel has no kprobe support (CONFIG_KPROBES: "
                        + "/sys/bus/event_source/devices/kprobe does not exist); attach to a tracepoint, raw_tracepoint or tp_btf "
                        + "section of the event instead", e.getMessage());
            }
        }
    }

    @Test
    void perCpuCountsSumToTheNumberOfCalls() {
        try (BPF bpf = BPF.load(Programs.perCpuCounter("tracepoint/syscalls/sys_enter_getppid")).attachAll()) {
            BpfMap<Integer, Long> perCpu = bpf.map("per_cpu", Integer.class, Long.class);
            int calls = 50;
            for (int i = 0; i < calls; i++) Kernel.getppid();
            List<Long> values = perCpu.getPerCpu(0);
            assertEquals(org.jbpf.loader.Cpus.possible(), values.size());
            assertEquals(calls, values.stream().mapToLong(Long::longValue).sum());
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> perCpu.get(0));
            assertTrue(e.getMessage().contains("getPerCpu"), e.getMessage());
        }
    }

    @Test
    void xdpTestRunAndAttachToLoopback() throws Exception {
        try (BPF bpf = BPF.load(Programs.packetCounter("xdp", 2))) {
            var prog = bpf.program("count_packets");
            var run = prog.testRun(new byte[64], 3);
            assertEquals(2, run.retval(), "XDP_PASS");
            BpfMap<Integer, Long> packets = bpf.map("packets", Integer.class, Long.class);
            assertEquals(3L, packets.get(0), "three test runs counted");
            try (Link l = prog.attachXdp(1)) {  // lo is interface 1
                try (var s = new java.net.DatagramSocket()) {
                    byte[] b = new byte[16];
                    for (int i = 0; i < 3; i++) s.send(new java.net.DatagramPacket(b, b.length, java.net.InetAddress.getLoopbackAddress(), 9));
                }
                assertTrue(packets.get(0) >= 6, "loopback packets seen: " + packets.get(0));
            }
        }
    }

    @Test
    void socketFilterSeesPacketsOfItsSocket() throws Exception {
        try (BPF bpf = BPF.load(Programs.packetCounter("socket", -1));
             java.nio.channels.DatagramChannel ch = java.nio.channels.DatagramChannel.open()) {
            ch.bind(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0));
            int fd = socketFd(ch);
            try (Link l = bpf.program("count_packets").attachSocket(fd)) {
                for (int i = 0; i < 4; i++) ch.send(java.nio.ByteBuffer.wrap(new byte[8]), ch.getLocalAddress());
                java.nio.ByteBuffer in = java.nio.ByteBuffer.allocate(64);
                for (int i = 0; i < 4; i++) { in.clear(); ch.receive(in); }
                assertEquals(4L, bpf.map("packets", Integer.class, Long.class).get(0));
            }
        }
    }

    /** The fd behind a channel: the descriptor that /proc/self/fd shows as this socket's inode. */
    private static int socketFd(java.nio.channels.DatagramChannel ch) throws IOException {
        int port = ((java.net.InetSocketAddress) ch.getLocalAddress()).getPort();
        String inode = null;
        for (String table : List.of("/proc/self/net/udp", "/proc/self/net/udp6")) {  // Java sockets may be dual-stack IPv6
            for (String line : Files.readAllLines(Path.of(table))) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 9 && f[1].endsWith(":" + String.format("%04X", port))) inode = f[9];
            }
        }
        assertNotNull(inode, "socket of port " + port + " in /proc/self/net/udp");
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path p : (Iterable<Path>) fds::iterator) {
                try {
                    if (Files.readSymbolicLink(p).toString().equals("socket:[" + inode + "]")) return Integer.parseInt(p.getFileName().toString());
                } catch (IOException ignored) {
                    // fd closed while listing
                }
            }
        }
        throw new AssertionError("no fd for socket inode " + inode);
    }

    static String libcPath() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
            int slash = line.indexOf('/');
            if (slash > 0 && line.contains("libc.so")) return line.substring(slash).trim();
        }
        throw new AssertionError("libc is not mapped into this process");
    }
}
