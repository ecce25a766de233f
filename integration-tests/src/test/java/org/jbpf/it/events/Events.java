package org.jbpf.it.events;

import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;
import org.jbpf.events.EventReader;
import org.jbpf.examples.ProcessEvent;

/** Test helpers for reading events. */
final class Events {
    private Events() {}

    /** Polls until {@code done} holds or 10 seconds pass; returns whether it holds. */
    static boolean pollUntil(EventReader reader, BooleanSupplier done) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!done.getAsBoolean() && System.nanoTime() < deadline) reader.poll(100);
        return done.getAsBoolean();
    }

    static String comm(ProcessEvent e) {
        int n = 0;
        while (n < e.comm.length && e.comm[n] != 0) n++;
        return new String(e.comm, 0, n, StandardCharsets.UTF_8);
    }
}
