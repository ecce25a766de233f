package org.jbpf.loader;

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

    /** An encoder that never produces BTF: everything loads without it. */
    static BtfEncoder none() { return (btf, extra) -> Optional.empty(); }

    /** core's {@link BtfWriter}. */
    static BtfEncoder core() { return new CoreBtfEncoder(); }
}
