package org.jbpf.agent.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A child JVM running {@link OpeningApp}, with its stdout and stderr collected line by line. */
final class ChildJvm implements AutoCloseable {
    final Process process;
    private final StringBuffer output = new StringBuffer();
    private final Thread pump;

    ChildJvm(String... jvmOptions) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of(jvmOptions));
        cmd.addAll(List.of("-cp", System.getProperty("app.classes"), OpeningApp.class.getName()));
        process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        pump = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) output.append(line).append('\n');
            } catch (IOException ignored) {
                // the child is gone
            }
        });
        pump.setDaemon(true);
        pump.start();
    }

    String output() { return output.toString(); }

    /** Waits until the output contains {@code text}; fails with the output so far. */
    void awaitOutput(String text, long seconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!output().contains(text)) {
            if (!process.isAlive() && !output().contains(text))
                throw new AssertionError("child exited (" + process.exitValue() + ") before printing '" + text + "':\n" + output());
            if (System.nanoTime() > end) throw new AssertionError("no '" + text + "' after " + seconds + " s:\n" + output());
            Thread.sleep(20);
        }
    }

    /** Asks the application to finish and returns its exit status. */
    int stop() throws Exception {
        process.getOutputStream().write('\n');
        process.getOutputStream().flush();
        if (!process.waitFor(30, TimeUnit.SECONDS)) throw new AssertionError("child did not exit:\n" + output());
        pump.join(10_000);  // the pump ends at the child's end of output: every line is in output() after this
        return process.exitValue();
    }

    @Override public void close() { process.destroyForcibly(); }
}
