package org.jbpf.toolchain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Names user-space addresses of one process: an address in a mapped file (/proc/&lt;pid&gt;/maps) by that ELF file's
 * symbols ({@link NativeSymbols}), an address in anonymous executable memory by the process's JIT perf map
 * ({@link PerfMap}). When the process is a JVM whose perf map lacks a frame, jbpf asks it once to write a fresh one
 * with {@code jcmd <pid> Compiler.perfmap}. Read the maps while the process lives: after it exits only its perf map
 * file is left.
 */
public final class ProcessSymbols {
    /** One line of /proc/&lt;pid&gt;/maps. */
    record Mapping(long start, long end, long offset, boolean executable, String path) {}

    private final long pid;
    private final List<Mapping> mappings;
    private PerfMap perfMap;
    private boolean askedJvm;

    private ProcessSymbols(long pid, List<Mapping> mappings) {
        this.pid = pid;
        this.mappings = mappings;
    }

    /** The process's mappings as they are now; none when it is gone. */
    public static ProcessSymbols of(long pid) {
        List<Mapping> maps = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/maps"))) {
                Mapping m = parse(line);
                if (m != null) maps.add(m);
            }
        } catch (IOException e) {
            // gone: only its perf map can still name frames
        }
        return new ProcessSymbols(pid, maps);
    }

    /** {@code 7f12a000-7f12b000 r-xp 00028000 08:01 1234 /usr/lib/x86_64-linux-gnu/libc.so.6}; null for other lines. */
    static Mapping parse(String line) {
        String[] f = line.trim().split("\\s+", 6);
        if (f.length < 5) return null;
        int dash = f[0].indexOf('-');
        if (dash < 0) return null;
        try {
            return new Mapping(Long.parseUnsignedLong(f[0].substring(0, dash), 16), Long.parseUnsignedLong(f[0].substring(dash + 1), 16),
                    Long.parseUnsignedLong(f[2], 16), f[1].indexOf('x') >= 0, f.length == 6 ? f[5] : "");
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * The frame's name: {@code function+0xoff} in a binary's executable mapping, a JIT method's name, else the address
     * in hex (with the file's name when it lies in one).
     */
    public String symbolize(long address) {
        Mapping m = mappingOf(address);
        if (m != null && m.path().startsWith("/")) {
            // a return address lies in code: one in a file's data is a frame-pointer walk gone astray (a binary built
            // without frame pointers), which the function before it in the file would name wrongly
            String name = m.executable() ? NativeSymbols.of(Path.of(m.path())).symbolize(address - m.start() + m.offset()) : null;
            return name != null ? name : String.format("0x%x (%s)", address, Path.of(m.path()).getFileName());
        }
        String jit = jit(address, m);
        return jit != null ? jit : String.format("0x%x", address);
    }

    private String jit(long address, Mapping m) {
        if (perfMap == null) perfMap = PerfMap.of(pid);
        String name = perfMap.symbolize(address);
        if (name == null && !askedJvm && isJvm()) {
            askedJvm = true;
            if (requestPerfMap(pid)) {
                perfMap = PerfMap.of(pid);
                name = perfMap.symbolize(address);
            }
        }
        return name;
    }

    private Mapping mappingOf(long address) {
        for (Mapping m : mappings) if (Long.compareUnsigned(address, m.start()) >= 0 && Long.compareUnsigned(address, m.end()) < 0) return m;
        return null;
    }

    private boolean isJvm() {
        for (Mapping m : mappings) if (m.path().endsWith("/libjvm.so")) return true;
        return false;
    }

    /** Asks the JVM {@code pid} to write /tmp/perf-&lt;pid&gt;.map with this JDK's jcmd; false when that failed. */
    public static boolean requestPerfMap(long pid) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!Files.isExecutable(jcmd)) return false;
        try {
            Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "Compiler.perfmap")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
