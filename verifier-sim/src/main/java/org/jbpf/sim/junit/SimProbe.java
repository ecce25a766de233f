package org.jbpf.sim.junit;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.jbpf.maps.BpfMapDef;
import org.jbpf.runtime.Codec;
import org.jbpf.runtime.Codecs;
import org.jbpf.sim.interp.HelperValues;
import org.jbpf.sim.interp.Interpreter;

/**
 * A probe class loaded into the simulator, spoken to in the probe's own Java types: maps by their declaration
 * ({@code probe.map(Counter.counts)}) with keys and values as the declared classes, contexts and event records as
 * {@code @Struct} objects, all through the same codecs {@code BpfMap} uses on the kernel.
 */
public final class SimProbe {
    private final Class<?> probe;
    private final Interpreter interpreter;

    SimProbe(Class<?> probe, Interpreter interpreter) {
        this.probe = probe;
        this.interpreter = interpreter;
    }

    /** The byte-level interpreter underneath, for what the typed view does not cover. */
    public Interpreter interpreter() { return interpreter; }

    public HelperValues helpers() { return interpreter.helpers(); }

    /** Lines trace_printk wrote, oldest first. */
    public List<String> printk() { return interpreter.printk(); }

    /** The map declared by {@code declaration}, a static field of the probe class. */
    public <K, V> SimTypedMap<K, V> map(BpfMapDef<K, V> declaration) {
        return new SimTypedMap<>(interpreter.map(fieldName(declaration)), Codecs.of(declaration.keyType()), Codecs.of(declaration.valueType()));
    }

    /**
     * Runs {@code program} on a context built from {@code context}: a {@code @Struct} object laid out as the kernel
     * would hand it (e.g. a tracepoint's fields after its 8-byte common header), or raw bytes.
     */
    public long run(String program, Object context) {
        return interpreter.run(program, context instanceof byte[] b ? b : encode(context));
    }

    /** The records the probe sent through the ring buffer or perf event array {@code declaration}, decoded as {@code type}. */
    public <E> List<E> events(Object declaration, Class<E> type) {
        Codec<E> codec = Codecs.of(type);
        List<E> out = new ArrayList<>();
        for (byte[] r : interpreter.map(fieldName(declaration)).records()) {
            if (r.length < codec.size())
                throw new AssertionError("a record of " + r.length + " bytes is shorter than " + codec.describe() + " (" + codec.size() + " bytes)");
            out.add(codec.read(ByteBuffer.wrap(r).order(ByteOrder.LITTLE_ENDIAN)));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static <T> byte[] encode(T value) {
        Codec<T> codec = Codecs.of((Class<T>) value.getClass());
        ByteBuffer b = ByteBuffer.allocate(codec.size()).order(ByteOrder.LITTLE_ENDIAN);
        codec.write(value, b);
        return b.array();
    }

    private String fieldName(Object declaration) {
        return org.jbpf.runtime.Declarations.fieldHolding(probe, declaration, "map");
    }
}
