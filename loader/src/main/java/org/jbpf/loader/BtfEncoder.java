package org.jbpf.loader;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.Optional;
import java.util.function.ToIntFunction;
import org.jbpf.core.btf.Btf;

/**
 * Turns an object's {@link Btf} into the bytes {@code BPF_BTF_LOAD} takes, with extra strings (source file names and
 * lines for line_info) added to its string table.
 */
@FunctionalInterface
public interface BtfEncoder {

    /** Encoded BTF and the offset of each string in its string table. */
    record Encoded(byte[] bytes, ToIntFunction<String> stringOffset) {}

    /** The encoding, or empty when BTF cannot be encoded (the loader then loads without BTF). */
    Optional<Encoded> encode(Btf btf, Collection<String> extraStrings);

    /** An encoder that never produces BTF. */
    static BtfEncoder none() { return (btf, extra) -> Optional.empty(); }

    /**
     * core's {@code org.jbpf.core.btf.BtfWriter} when it is on the class path, otherwise {@link #none()}. Found
     * reflectively so the loader works with a core that does not have the writer; it accepts
     * {@code static encode(Btf, Collection)} returning a result with {@code bytes()} and {@code stringOffset(String)},
     * or an instance {@code encode(Btf, Collection)} returning {@code byte[]} with {@code stringOffset(String)} on the writer.
     */
    static BtfEncoder core() {
        Class<?> writer;
        try {
            writer = Class.forName("org.jbpf.core.btf.BtfWriter");
        } catch (ClassNotFoundException e) {
            return none();
        }
        Method encode;
        try {
            encode = writer.getMethod("encode", Btf.class, Collection.class);
        } catch (NoSuchMethodException e) {
            return none();
        }
        return (btf, extra) -> {
            try {
                boolean isStatic = Modifier.isStatic(encode.getModifiers());
                Object target = isStatic ? null : writer.getConstructor().newInstance();
                Object result = encode.invoke(target, btf, extra);
                Object holder = result instanceof byte[] ? target : result;
                byte[] bytes = result instanceof byte[] b ? b : (byte[]) result.getClass().getMethod("bytes").invoke(result);
                Method offset = holder.getClass().getMethod("stringOffset", String.class);
                ToIntFunction<String> offsets = s -> {
                    try {
                        return (Integer) offset.invoke(holder, s);
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException("BtfWriter.stringOffset failed for \"" + s + "\"", e);
                    }
                };
                return Optional.of(new Encoded(bytes, offsets));
            } catch (ReflectiveOperationException | RuntimeException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                throw new IllegalStateException("encoding BTF failed: " + cause.getMessage(), cause);
            }
        };
    }
}
