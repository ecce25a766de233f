package org.jbpf.it.robust;

import java.nio.file.Path;
import org.jbpf.BPF;
import org.jbpf.examples.ProcessCounter;

/** Child JVM run without CAP_BPF/CAP_SYS_ADMIN: tries each entry point and reports its error and the BPF fds left. */
public final class TryWithoutPrivilege {
    public static void main(String[] args) throws Exception {
        attempt("loadAndAttach", () -> BPF.loadAndAttach(ProcessCounter.class).close());
        attempt("open", () -> BPF.open(Path.of(args[0])).close());
        ProcessResources r = ProcessResources.now();
        System.out.println("bpf_fds=" + (r.count("bpf-map") + r.count("bpf-prog") + r.count("bpf-link") + r.count("perf_event")));
    }

    interface Call { void run() throws Exception; }

    private static void attempt(String what, Call call) {
        try {
            call.run();
            System.out.println(what + "=SUCCEEDED");
        } catch (Throwable t) {
            System.out.println(what + "=" + t.getClass().getSimpleName() + ": " + String.valueOf(t.getMessage()).replace('\n', ' '));
        }
    }
}
