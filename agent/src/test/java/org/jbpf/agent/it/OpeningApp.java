package org.jbpf.agent.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The application the agent tests start: opens a file every few milliseconds until a line (or end of input) arrives
 * on stdin, then exits normally.
 */
public final class OpeningApp {
    public static void main(String[] args) throws Exception {
        Thread opener = new Thread(() -> {
            while (true) {
                try {
                    Files.readAllBytes(Path.of("/proc/self/stat"));
                    Thread.sleep(5);
                } catch (IOException ignored) {
                    // only the openat calls matter
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        opener.setDaemon(true);
        opener.start();
        System.out.println("app ready " + ProcessHandle.current().pid());
        System.out.flush();
        System.in.read();
        System.out.println("app done");
    }
}
