package org.jbpf.it.tools;

import static org.jbpf.it.tools.ClassicToolsKernelTest.PID;
import static org.jbpf.it.tools.ClassicToolsKernelTest.load;
import static org.jbpf.it.tools.ClassicToolsKernelTest.on;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jbpf.BPF;
import org.jbpf.examples.tools.CgroupSyscalls;
import org.jbpf.examples.tools.GetpidCalls;
import org.jbpf.it.Backend;
import org.jbpf.it.Workloads;
import org.jbpf.runtime.BpfMap;
import org.jbpf.testsupport.GatedChild;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The classic tools shipped in {@code org.jbpf.examples.tools}, each loaded into the running kernel on both backends
 * and checked against a workload whose events are known: the system calls a child makes in a cgroup of its own,
 * the libc calls a thread of this process makes.
 */
class ExampleToolsKernelTest {
    static final long GETPPID = 110, GETPGID = 121;

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
}
