package org.jbpf.loader;

import java.util.Collection;
import java.util.Optional;
import java.util.function.ToIntFunction;
import org.jbpf.core.btf.Btf;
import org.jbpf.core.btf.BtfWriter;

/**
 * {@link BtfEncoder#core()}: core's {@link BtfWriter}. Classes rather than lambdas, as on the rest of the load path: each
 * lambda is linked the first time it runs, which costs a command line more than the encoding itself.
 */
final class CoreBtfEncoder implements BtfEncoder {
    @Override public Optional<Encoded> encode(Btf btf, Collection<String> extraStrings) {
        BtfWriter.Encoded e = BtfWriter.encode(btf, extraStrings);
        return Optional.of(new Encoded(e.bytes(), new StringOffsets(e)));
    }

    /** The offset of each string in the encoded string table. */
    private static final class StringOffsets implements ToIntFunction<String> {
        private final BtfWriter.Encoded encoded;

        StringOffsets(BtfWriter.Encoded encoded) { this.encoded = encoded; }

        @Override public int applyAsInt(String s) { return encoded.stringOffset(s); }
    }
}
