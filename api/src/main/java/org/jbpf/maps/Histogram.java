package org.jbpf.maps;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an array map of counters as a histogram: slot k of a {@link Kind#LOG2} one counts values in [2^k, 2^(k+1))
 * (slot 0 also 0), slot k of a {@link Kind#LINEAR} one counts values in [k*step, (k+1)*step). The mark travels in the
 * object's BTF (the value type becomes a typedef named {@code jbpf_hist_log2} or {@code jbpf_hist_linear_<step>}),
 * so {@code jbpf run} draws the map as a bar chart, also from the .o file. On a {@code @Size(n) long[]} or
 * {@code int[]} field of a {@code @Struct} held as a map value it marks that array the same way, one histogram per
 * key ({@code @Histogram @Size(32) long[] buckets}, filled with {@code buckets[log2(v)]++}), and {@code jbpf run} draws
 * each key's chart under the key, like bpftrace's {@code @us[pid] = hist(v)}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Histogram {
    Kind value() default Kind.LOG2;

    /** Width of a {@link Kind#LINEAR} bucket. */
    long step() default 1;

    enum Kind { LOG2, LINEAR }
}
