package org.jbpf.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Turns the kernel's {@code tracing_on} switch on for a test class and back off afterwards when it was off. The
 * command line adds a line to stderr while it is off ({@code jbpf: tracing is off ...}) on every {@code trace} and on a
 * {@code run} of a printk probe, so tests that compare stderr line by line depend on it; something on the machine (a
 * user, another tool) may have left it at 0. Use with {@code @ExtendWith(TracingOn.class)}.
 */
public final class TracingOn implements BeforeAllCallback, AfterAllCallback {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(TracingOn.class);

    @Override public void beforeAll(ExtensionContext context) {
        Path on = switchFile();
        if (on != null && turnOn(on)) context.getStore(NS).put("restore", on);
    }

    @Override public void afterAll(ExtensionContext context) {
        Path on = context.getStore(NS).remove("restore", Path.class);
        if (on != null) turnOff(on);
    }

    /** Writes 1 into the switch {@code on} when it reads 0; whether it did (and so should turn it off again). */
    static boolean turnOn(Path on) {
        return "0".equals(read(on)) && write(on, "1");
    }

    static void turnOff(Path on) {
        write(on, "0");
    }

    /** The switch of the mounted tracefs, or null when none is mounted. */
    public static Path switchFile() {
        for (String root : new String[] {"/sys/kernel/tracing", "/sys/kernel/debug/tracing"}) {
            Path on = Path.of(root, "tracing_on");
            if (Files.isRegularFile(on)) return on;
        }
        return null;
    }

    private static String read(Path on) {
        try {
            return Files.readString(on).trim();
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean write(Path on, String value) {
        try {
            Files.writeString(on, value + "\n");
            return true;
        } catch (IOException e) {
            return false;   // not root: the tests that need tracefs skip or fail with their own reason
        }
    }
}
