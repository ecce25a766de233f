package org.jbpf.it.loader;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jbpf.BPF;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An object file compiled by clang, read by jbpf's reader and loaded by jbpf's loader (with its BTF). */
class OpenObjectFileTest {

    static final String SOURCE = """
            #include <linux/bpf.h>
            #include <bpf/bpf_helpers.h>
            struct {
                __uint(type, BPF_MAP_TYPE_HASH);
                __uint(max_entries, 64);
                __type(key, __u32);
                __type(value, __u64);
            } counts SEC(".maps");
            SEC("tracepoint/syscalls/sys_enter_getppid")
            int count_getppid(void *ctx) {
                __u32 pid = bpf_get_current_pid_tgid() >> 32;
                __u64 one = 1, *v = bpf_map_lookup_elem(&counts, &pid);
                if (v) __sync_fetch_and_add(v, 1);
                else bpf_map_update_elem(&counts, &pid, &one, BPF_ANY);
                return 0;
            }
            char LICENSE[] SEC("license") = "GPL";
            """;

    @BeforeEach
    void kernel() { Kernel.require(); }

    @Test
    void clangObjectLoadsWithItsBtfAndCounts(@TempDir Path dir) throws Exception {
        Path src = dir.resolve("count.bpf.c"), obj = dir.resolve("count.bpf.o");
        Files.writeString(src, SOURCE);
        Process clang = new ProcessBuilder(org.jbpf.testsupport.Tools.require("clang").toString(), "-target", "bpf", "-O2", "-g",
                "-I/usr/include/x86_64-linux-gnu", "-c", src.toString(), "-o", obj.toString()).redirectErrorStream(true).start();
        String out = new String(clang.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, clang.waitFor(), out);

        try (BPF bpf = BPF.open(obj).attachAll()) {
            assertEquals(java.util.List.of(), bpf.warnings(), "BTF, maps and programs load without fallbacks");
            assertNotNull(bpf.loaded().btf(), "the object's BTF is in the kernel");
            for (int i = 0; i < 6; i++) Kernel.getppid();
            assertEquals(6L, bpf.map("counts", Integer.class, Long.class).get(Kernel.pid()));
        }
    }
}
