package org.jbpf.it.llvm;

import com.sun.jna.Library;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Syscalls the LLVM kernel tests trigger, and child processes with known syscall counts. */
final class Syscalls {
    private Syscalls() {}

    interface LibC extends Library {
        LibC INSTANCE = com.sun.jna.Native.load("c", LibC.class);
        int getpid();
        int getppid();
    }

    static int jvmPid() { return (int) ProcessHandle.current().pid(); }

    /** Runs a command to completion and returns its pid. */
    static int run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("command did not finish: " + command);
        }
        if (p.exitValue() != 0) throw new IllegalStateException("command failed with " + p.exitValue() + ": " + command);
        return (int) p.pid();
    }
}
