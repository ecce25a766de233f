package org.jbpf.it.semantics;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * What a probe's ring buffer means in the Java copy of a random probe with data ({@link RandomData}): a reservation
 * is a new record, and a submitted or output record is kept as text ({@link #describe}) in the order it came, the
 * order in which the kernel's ring hands records to Java. The same text of a record read back from the kernel's ring
 * must match. The task's command name, as {@link #comm} gives it, is there too.
 */
public final class DataModels {
    private DataModels() {}

    /**
     * {@code Helpers.comm} on the JVM: the command name of the calling thread, which is the task the kernel runs a test
     * run of a program in, NUL-padded to the buffer's end as {@code bpf_get_current_comm} leaves it (at most 15 bytes
     * of name). Returns 0, as the helper does.
     */
    public static int comm(byte[] buf) {
        byte[] name;
        try {
            name = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/thread-self/comm")).strip().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        java.util.Arrays.fill(buf, (byte) 0);
        System.arraycopy(name, 0, buf, 0, Math.min(name.length, Math.min(15, buf.length - 1)));
        return 0;
    }

    /** A ring buffer whose records are written down as text when they are submitted. */
    public static final class Ring {
        private final List<String> records = new ArrayList<>();

        public <T> T reserve(Class<T> type) {
            try {
                return type.getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot make a record of " + type, e);
            }
        }

        public void submit(Object record) { records.add(describe(record)); }

        public void discard(Object record) {}

        /** A copy of {@code record} at the time of the call, as {@code bpf_ringbuf_output} takes it. */
        public long output(Object record) {
            records.add(describe(record));
            return 0;
        }

        public List<String> records() { return records; }
    }

    /**
     * A value as text: numbers as they are (a char as its number), booleans, arrays element by element and a struct
     * field by field in declaration order, so that a record of the probe's class and one of its Java copy's class
     * read the same when their fields hold the same values.
     */
    public static String describe(Object value) {
        if (value == null) return "null";
        if (value instanceof Character c) return Integer.toString(c);
        if (value instanceof Number || value instanceof Boolean) return value.toString();
        if (value.getClass().isArray()) {
            StringBuilder s = new StringBuilder("[");
            for (int i = 0, n = Array.getLength(value); i < n; i++) s.append(i == 0 ? "" : ", ").append(describe(Array.get(value, i)));
            return s.append(']').toString();
        }
        StringBuilder s = new StringBuilder("{");
        for (Field f : value.getClass().getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers())) continue;
            try {
                s.append(s.length() == 1 ? "" : ", ").append(f.getName()).append('=').append(describe(f.get(value)));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return s.append('}').toString();
    }
}
