package org.jbpf.loader.attach;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a kernel setting from {@code /proc/sys}. A number sysctl file must be read in one read from its start: procfs
 * answers a read past the start with end of file, so Files.readString, which reads one byte and then the rest, would
 * get only the first digit.
 */
public final class Sysctl {
    private Sysctl() {}

    /** The number in {@code file}, e.g. /proc/sys/kernel/perf_event_max_sample_rate; -1 when it cannot be read. */
    public static long number(Path file) {
        byte[] buffer = new byte[32];
        try (InputStream in = Files.newInputStream(file)) {
            int n = in.read(buffer);
            return n <= 0 ? -1 : Long.parseLong(new String(buffer, 0, n, StandardCharsets.US_ASCII).trim());
        } catch (IOException | NumberFormatException unreadable) {
            return -1;
        }
    }
}
