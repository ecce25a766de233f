package org.jbpf.core.abi;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jbpf.core.btf.Btf;
import org.jbpf.core.btf.BtfReader;
import org.jbpf.core.btf.BtfType;
import org.jbpf.testsupport.Skip;
import org.junit.jupiter.api.Test;

/** The ABI table against the machine's own descriptions: vmlinux BTF, tracefs record formats and the UAPI header. */
class X86_64Test {

    private static Path present(String path) {
        Path p = Path.of(path);
        // another architecture is a machine this table is not for, not a missing part of this one
        if (!"amd64".equals(System.getProperty("os.arch"))) Skip.optional("x86-64", "not an x86-64 machine");
        Skip.unless(Files.isReadable(p), "kernel", path + " is not readable here");
        return p;
    }

    @Test void ptRegsOffsetsAreTheKernelsOwn() throws IOException {
        Btf vmlinux = BtfReader.read(Files.readAllBytes(present("/sys/kernel/btf/vmlinux"))).btf();
        BtfType.Struct regs = (BtfType.Struct) vmlinux.type(vmlinux.find(BtfType.KIND_STRUCT, "pt_regs"));
        Map<String, Integer> offsets = new HashMap<>();
        for (BtfType.Member m : regs.members()) offsets.put(m.name(), m.bitOffset() / 8);
        assertEquals(X86_64.PT_REGS_SIZE, regs.size());
        Map<String, Integer> ours = Map.ofEntries(Map.entry("r15", X86_64.PT_REGS_R15), Map.entry("r14", X86_64.PT_REGS_R14),
                Map.entry("r13", X86_64.PT_REGS_R13), Map.entry("r12", X86_64.PT_REGS_R12), Map.entry("bp", X86_64.PT_REGS_BP),
                Map.entry("bx", X86_64.PT_REGS_BX), Map.entry("r11", X86_64.PT_REGS_R11), Map.entry("r10", X86_64.PT_REGS_R10),
                Map.entry("r9", X86_64.PT_REGS_R9), Map.entry("r8", X86_64.PT_REGS_R8), Map.entry("ax", X86_64.PT_REGS_AX),
                Map.entry("cx", X86_64.PT_REGS_CX), Map.entry("dx", X86_64.PT_REGS_DX), Map.entry("si", X86_64.PT_REGS_SI),
                Map.entry("di", X86_64.PT_REGS_DI), Map.entry("orig_ax", X86_64.PT_REGS_ORIG_AX), Map.entry("ip", X86_64.PT_REGS_IP),
                Map.entry("flags", X86_64.PT_REGS_FLAGS), Map.entry("sp", X86_64.PT_REGS_SP));
        ours.forEach((name, off) -> assertEquals(offsets.get(name), off, "pt_regs." + name));
    }

    @Test void parametersAndReturnFollowTheCallingConvention() {
        assertArrayEquals(new int[] {112, 104, 96, 88, 72, 64},
                java.util.stream.IntStream.range(0, X86_64.PARAM_REGISTERS).map(X86_64::paramOffset).toArray());
        assertEquals(80, X86_64.PT_REGS_RET);
        assertEquals("x86-64 passes parameters 0..5 in registers, not 6",
                assertThrows(IllegalArgumentException.class, () -> X86_64.paramOffset(6)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> X86_64.paramOffset(-1));
    }

    /** field name to offset, from a tracefs {@code format} file. */
    private static Map<String, Integer> format(String event) throws IOException {
        String text = Files.readString(present("/sys/kernel/tracing/events/syscalls/" + event + "/format"));
        Matcher m = Pattern.compile("field:[^;]*?([A-Za-z_0-9]+);\\s*offset:(\\d+);").matcher(text);
        Map<String, Integer> fields = new HashMap<>();
        while (m.find()) fields.put(m.group(1), Integer.parseInt(m.group(2)));
        return fields;
    }

    @Test void syscallRecordLayoutIsTracefsOwn() throws IOException {
        Map<String, Integer> enter = format("sys_enter_openat"), exit = format("sys_exit_openat");
        assertEquals(X86_64.TP_COMMON_TYPE, enter.get("common_type"));
        assertEquals(X86_64.TP_COMMON_FLAGS, enter.get("common_flags"));
        assertEquals(X86_64.TP_COMMON_PREEMPT_COUNT, enter.get("common_preempt_count"));
        assertEquals(X86_64.TP_COMMON_PID, enter.get("common_pid"));
        assertEquals(X86_64.SYSCALL_NR, enter.get("__syscall_nr"));
        assertEquals(X86_64.syscallArgOffset(0), enter.get("dfd"));
        assertEquals(X86_64.syscallArgOffset(1), enter.get("filename"));
        assertEquals(X86_64.syscallArgOffset(2), enter.get("flags"));
        assertEquals(X86_64.syscallArgOffset(3), enter.get("mode"));
        assertEquals(X86_64.SYSCALL_RET, exit.get("ret"));
        assertEquals(56, X86_64.syscallArgOffset(5));
        assertThrows(IllegalArgumentException.class, () -> X86_64.syscallArgOffset(6));
    }

    @Test void syscallNumbersMatchTheUapiHeader() throws IOException {
        String header = Files.readString(present("/usr/include/x86_64-linux-gnu/asm/unistd_64.h"));
        Map<String, Integer> ours = Map.ofEntries(Map.entry("read", X86_64.SYS_READ), Map.entry("write", X86_64.SYS_WRITE),
                Map.entry("close", X86_64.SYS_CLOSE), Map.entry("getpid", X86_64.SYS_GETPID), Map.entry("clone", X86_64.SYS_CLONE),
                Map.entry("execve", X86_64.SYS_EXECVE), Map.entry("getppid", X86_64.SYS_GETPPID), Map.entry("gettid", X86_64.SYS_GETTID),
                Map.entry("openat", X86_64.SYS_OPENAT), Map.entry("perf_event_open", X86_64.SYS_PERF_EVENT_OPEN),
                Map.entry("bpf", X86_64.SYS_BPF));
        ours.forEach((name, nr) -> {
            Matcher m = Pattern.compile("#define __NR_" + name + " (\\d+)").matcher(header);
            assertTrue(m.find(), name);
            assertEquals(Integer.parseInt(m.group(1)), nr, name);
        });
    }
}
