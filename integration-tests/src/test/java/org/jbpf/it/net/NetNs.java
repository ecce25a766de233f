package org.jbpf.it.net;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Network namespaces a test makes for itself (with {@code ip netns}), and running Java code inside one: a fresh
 * thread joins the namespace with setns(2), so the sockets it opens and the interfaces it names are the namespace's,
 * while the rest of the JVM stays where it was.
 */
public final class NetNs implements AutoCloseable {
    private static final int CLONE_NEWNET = 0x40000000, O_RDONLY = 0;

    private interface NsLib extends Library {
        NsLib INSTANCE = Native.load("c", NsLib.class);

        int open(String path, int flags);
        int close(int fd);
        int setns(int fd, int nstype);
    }

    public final String name;

    private NetNs(String name) { this.name = name; }

    /** Creates namespace {@code name} (deleting a leftover of that name first). */
    public static NetNs create(String name) {
        run(true, "ip", "netns", "del", name);
        run(false, "ip", "netns", "add", name);
        return new NetNs(name);
    }

    /** Runs {@code ip} inside this namespace: {@code ip -n name args...}. */
    public void ip(String... args) {
        List<String> cmd = new ArrayList<>(List.of("ip", "-n", name));
        cmd.addAll(List.of(args));
        run(false, cmd.toArray(String[]::new));
    }

    /** Sets sysctls inside this namespace, e.g. {@code net.ipv4.conf.all.route_localnet=1}. */
    public void sysctl(String... settings) {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", name, "sysctl", "-q", "-w"));
        cmd.addAll(List.of(settings));
        run(false, cmd.toArray(String[]::new));
    }

    /** Runs {@code body} on a new thread inside this namespace and returns its result. */
    public <T> T inside(Callable<T> body) throws Exception {
        FutureTask<T> task = new FutureTask<>(() -> {
            int ns = NsLib.INSTANCE.open("/run/netns/" + name, O_RDONLY);
            if (ns < 0) throw new IOException("cannot open /run/netns/" + name);
            try {
                if (NsLib.INSTANCE.setns(ns, CLONE_NEWNET) != 0) throw new IOException("setns into " + name + " failed");
            } finally {
                NsLib.INSTANCE.close(ns);
            }
            // the thread ends here; it never returns to a pool in the wrong namespace
            return body.call();
        });
        Thread t = new Thread(task, "netns-" + name);
        t.start();
        try {
            return task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception x) throw x;
            throw e;
        }
    }

    @Override public void close() { run(true, "ip", "netns", "del", name); }

    /** Runs a command; unless {@code mayFail}, a non-zero exit is an error carrying the command's output. */
    static void run(boolean mayFail, String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            int rc = p.waitFor();
            if (rc != 0 && !mayFail) throw new IllegalStateException(String.join(" ", cmd) + " exited with " + rc + ": " + out);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + cmd[0] + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + cmd[0], e);
        }
    }
}
