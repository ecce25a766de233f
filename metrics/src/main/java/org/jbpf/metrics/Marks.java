package org.jbpf.metrics;

import org.jbpf.core.btf.Btf;
import org.jbpf.core.btf.BtfType;

/**
 * The display marks a probe's annotations leave in its BTF, as far as metrics need them: a map value type wrapped in
 * the typedef {@code jbpf_hist_log2} ({@code @Histogram(LOG2)}) or {@code jbpf_scratch} ({@code @Scratch}), a struct
 * member type wrapped in {@code jbpf_max} ({@code @Max}). The toolchain writes them (its {@code MapMarks} and
 * {@code FieldMarks}); this reader keeps the exporter free of the translator.
 */
final class Marks {
    private Marks() {}

    static final String LOG2 = "jbpf_hist_log2", SCRATCH = "jbpf_scratch", MAX = "jbpf_max";

    /** Whether BTF type {@code typeId} is the typedef {@code name}. */
    static boolean is(Btf btf, int typeId, String name) {
        if (btf == null || typeId == 0) return false;
        try {
            return btf.type(typeId) instanceof BtfType.Typedef td && td.name().equals(name);
        } catch (RuntimeException e) {
            return false;  // a type id the object's BTF does not have
        }
    }
}
