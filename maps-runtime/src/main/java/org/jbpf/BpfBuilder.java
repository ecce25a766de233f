package org.jbpf;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.loader.Loader;
import org.jbpf.runtime.Constants;
import org.jbpf.runtime.ProbeTranslator;

/**
 * Loads a probe class or an object with options: the values of its load-time constants ({@code @Constant} fields,
 * C's {@code const volatile} globals), written into its {@code .rodata} before loading. Made by {@link BPF#builder}.
 */
public final class BpfBuilder {
    private final Class<?> probe;
    private final BpfObject object;
    private final Map<String, Object> constants = new LinkedHashMap<>();

    BpfBuilder(Class<?> probe, BpfObject object) {
        this.probe = probe;
        this.object = object;
    }

    /**
     * Sets a load-time constant: a number (int, long, short, byte, char) or boolean fitting the constant's size. An
     * unknown name or a value of the wrong type is refused when loading, naming the constants the object has.
     */
    public BpfBuilder constant(String name, Object value) {
        constants.put(name, value);
        return this;
    }

    /** The object with the constants written in (translated first when this builder was made from a class). */
    public BpfObject object() {
        BpfObject o = object != null ? object : ProbeTranslator.find(probe).translate(probe);
        return Constants.apply(o, constants);
    }

    /** Loads without attaching. */
    public BPF load() { return new BPF(new Loader().load(object()), probe); }

    /** Loads and attaches every program whose section says where, like {@link BPF#loadAndAttach}. */
    public BPF loadAndAttach() {
        BPF bpf = load();
        try {
            return bpf.attachAll();
        } catch (RuntimeException e) {
            bpf.close();
            throw e;
        }
    }
}
