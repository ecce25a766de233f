package org.jbpf.translator.intrinsic;

/**
 * A printk format as bpf_trace_printk reads it. Every number a probe passes to {@code printk(fmt, a, ..)} is a Java
 * {@code long}, so an integer conversion without a length ({@code %d}, {@code %x}) is given {@code ll}: the kernel
 * would otherwise print only the low 32 bits of the argument.
 */
final class PrintkFormat {
    private PrintkFormat() {}

    /** The format with {@code ll} added to each integer conversion that has no length of its own. */
    static String widened(String format) {
        StringBuilder out = new StringBuilder(format.length() + 8);
        for (int i = 0; i < format.length(); i++) {
            char ch = format.charAt(i);
            out.append(ch);
            if (ch != '%') continue;
            if (i + 1 < format.length() && format.charAt(i + 1) == '%') { out.append('%'); i++; continue; }
            int k = i + 1;
            while (k < format.length() && "-+ 0#.123456789".indexOf(format.charAt(k)) >= 0) k++;   // flags, width, precision
            out.append(format, i + 1, k);
            if (k < format.length() && "diuxX".indexOf(format.charAt(k)) >= 0) out.append("ll");
            i = k - 1;
        }
        return out.toString();
    }
}
