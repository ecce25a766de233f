package org.jbpf.cli;

import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jbpf.BPF;

/**
 * {@code jbpf run --serve}: starts the metrics module's server. bin/jbpf keeps that module and the Prometheus client (a
 * dozen jars) off its class path and names them in {@value #PATH_PROPERTY}: each class path jar costs every command
 * at start (JDK 24+ reads its manifest, java.util.logging looks in it for a service), and only {@code --serve} needs
 * them. Where the module is on the class path (tests, an application), it is used from there.
 */
final class ServeOption {
    /** The system property naming the metrics module's jars, off the class path. */
    static final String PATH_PROPERTY = "jbpf.metrics.path";

    private static final String ENTRY = "org.jbpf.metrics.CommandLineMetrics";

    private ServeOption() {}

    /**
     * Starts serving when {@code address} is given and returns the server (close it when the run ends), or null when
     * it is not; {@code exportText} names the maps whose text may be exported.
     */
    static AutoCloseable serve(BPF bpf, String address, List<String> exportText, PrintStream out, PrintStream err) {
        if (address == null) {
            if (!exportText.isEmpty()) throw new IllegalArgumentException("--export-text needs --serve HOST:PORT");
            return null;
        }
        try {
            Method serve = entry().getMethod("serve", BPF.class, String.class, List.class, PrintStream.class, PrintStream.class);
            return (AutoCloseable) serve.invoke(null, bpf, address, exportText, out, err);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) throw r;
            if (cause instanceof Error error) throw error;
            throw new IllegalStateException(cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("--serve: the metrics module does not have " + ENTRY + ".serve (" + e + ")", e);
        }
    }

    /** The module's entry class, from the class path or else from the jars {@value #PATH_PROPERTY} names. */
    private static Class<?> entry() {
        ClassLoader app = ServeOption.class.getClassLoader();
        try {
            return Class.forName(ENTRY, true, app);
        } catch (ClassNotFoundException offTheClassPath) {
            List<URL> urls = new ArrayList<>();
            for (String jar : System.getProperty(PATH_PROPERTY, "").split(":")) {
                if (jar.isEmpty()) continue;
                try {
                    urls.add(Path.of(jar).toUri().toURL());
                } catch (MalformedURLException e) {
                    throw new IllegalArgumentException(PATH_PROPERTY + " names " + jar + ", which is not a file path");
                }
            }
            if (urls.isEmpty())
                throw new Main.CommandFailure(ExitCodes.FAILED, "--serve needs jbpf's metrics module, which is neither on the class "
                        + "path nor named by " + PATH_PROPERTY + "; run jbpf through bin/jbpf after scripts/setup");
            try {
                return Class.forName(ENTRY, true, new URLClassLoader(urls.toArray(new URL[0]), app));
            } catch (ClassNotFoundException e) {
                throw new Main.CommandFailure(ExitCodes.FAILED, "--serve: " + PATH_PROPERTY + " (" + System.getProperty(PATH_PROPERTY)
                        + ") does not hold jbpf's metrics module; rebuild with scripts/setup");
            }
        }
    }
}
