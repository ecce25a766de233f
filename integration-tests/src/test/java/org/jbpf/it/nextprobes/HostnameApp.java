package org.jbpf.it.nextprobes;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The application a probe is attached to: says "app ready", then at each line on stdin reads /etc/hostname as many
 * times as the line says and answers "read N"; ends at the end of stdin.
 */
public final class HostnameApp {
    private HostnameApp() {}

    public static void main(String[] args) throws Exception {
        System.out.println("app ready");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            int n = Integer.parseInt(line.trim());
            for (int i = 0; i < n; i++) Files.readString(Path.of("/etc/hostname"));
            System.out.println("read " + n);
        }
    }
}
