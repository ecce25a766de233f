package org.jbpf.translator.intrinsic;

/**
 * Checks a printk format against the numbers that follow it, as the kernel's bpf_bprintf_prepare would read it when
 * the program runs: there a format it refuses makes bpf_trace_printk print nothing, and a {@code %s} given a number
 * reads that number as a kernel address. The kernel takes, after {@code %}, flags among {@code 0 + - space}, a width,
 * then {@code [l|ll]} with one of {@code d i u x X}, or {@code c}, {@code s}, {@code p} ({@code pK px pB}, or
 * {@code pks pus pi4 pI4 pi6 pI6}, which read memory); printk's arguments are Java numbers, so the conversions that
 * read text or memory are refused here too.
 */
final class PrintkFormatCheck {
    private PrintkFormatCheck() {}

    /** Why the kernel would not print {@code format} with {@code numbers} arguments as meant, or null if it would. */
    static String refusal(String format, int numbers) { return refusal(format, new boolean[numbers]); }

    /**
     * Why the kernel would not print {@code format} with arguments that are text (a byte[], true) or numbers (false),
     * in order, as meant; or null if it would.
     */
    static String refusal(String format, boolean[] text) {
        int numbers = text.length;
        String shown = "the printk format \"" + format.replace("\n", "\\n").replace("\t", "\\t") + "\"";
        int conversions = 0;
        for (int i = 0; i < format.length(); i++) {
            char ch = format.charAt(i);
            if (ch > 126 || ch < ' ' && !Character.isWhitespace(ch))
                return shown + " has the character '" + ch + "', which bpf_trace_printk refuses (it takes printable ASCII "
                        + "and white space only); write it with ASCII characters";
            if (ch != '%') continue;
            if (i + 1 < format.length() && format.charAt(i + 1) == '%') { i++; continue; }
            int end = conversionEnd(format, i + 1);
            String conversion = format.substring(i, Math.min(end, format.length()));
            boolean isText = conversions < text.length && text[conversions], plainS = conversion.endsWith("s") && !conversion.endsWith("ps");
            // a %s past the arguments is told by their count below
            String why = plainS && (isText || conversions >= text.length) ? plainText(conversion) : unsupported(format, i + 1, end);
            if (why == null && isText && !plainS)
                why = "which prints a number, but it is given a byte[]; print text with %s";
            if (why != null) return shown + " has " + describe(conversion) + ", " + why;
            conversions++;
            i = end - 1;
        }
        if (conversions != numbers)
            return shown + " has " + conversions + " conversions (%d, %x, ..) but " + numbers + (hasText(text) ? " arguments" : " numbers")
                    + " follow it; give one " + (hasText(text) ? "argument" : "number") + " per conversion (%% prints a %)";
        return null;
    }

    /** Why a %s conversion given a byte[] would not print it as written, or null: the kernel takes no flags or width there. */
    private static String plainText(String conversion) {
        return conversion.equals("%s") ? null : "whose flags or width the kernel refuses for text; write a plain %s";
    }

    private static boolean hasText(boolean[] text) {
        for (boolean t : text) if (t) return true;
        return false;
    }

    private static String describe(String conversion) {
        return conversion.equals("%") ? "a lone % at its end" : conversion;
    }

    /** Where the conversion starting after a {@code %} at {@code start} ends: after its letter (and a p's modifiers). */
    private static int conversionEnd(String f, int start) {
        int k = start;
        while (k < f.length() && "-+ 0#.123456789*'".indexOf(f.charAt(k)) >= 0) k++;
        while (k < f.length() && "hlLqjzt".indexOf(f.charAt(k)) >= 0) k++;
        if (k >= f.length()) return k;
        if (f.charAt(k) == 'p') {
            int m = k + 1;
            while (m < f.length() && m < k + 3 && Character.isLetterOrDigit(f.charAt(m))) m++;
            return m;
        }
        return k + 1;
    }

    /** Why the kernel (or a Java number) does not fit the conversion in {@code f[start, end)}, or null. */
    private static String unsupported(String f, int start, int end) {
        if (start >= f.length())
            return "which the kernel refuses; write %% to print a %";
        int k = start;
        while (k < end && "0+- ".indexOf(f.charAt(k)) >= 0) k++;
        while (k < end && Character.isDigit(f.charAt(k))) k++;
        if (k < end && "#.*'".indexOf(f.charAt(k)) >= 0)
            return "whose '" + f.charAt(k) + "' the kernel refuses: printk takes only the flags 0 + - and space, and a "
                    + "width (%08x, %-5d); drop it";
        String rest = f.substring(k, end);
        if (isAccepted(rest)) return null;
        if (rest.equals("s"))
            return "which prints text, but it is given a number (which the kernel would read as the text's address); give "
                    + "it a byte[] holding the text (filled by Helpers.comm(buf) or probeReadUserStr), or print a fixed word in "
                    + "the format itself";
        if (rest.equals("pks") || rest.equals("pus"))
            return "which prints text at a kernel address, but printk's arguments are numbers; print a byte[] holding the "
                    + "text with %s, or send the text to Java in a ring record with a @CString byte[] field";
        if (rest.length() == 3 && rest.charAt(0) == 'p' && "iI".indexOf(rest.charAt(1)) >= 0 && "46".indexOf(rest.charAt(2)) >= 0)
            return "which prints an IP address read from memory, but printk's arguments are numbers; print an IPv4 "
                    + "address as its bytes with %d.%d.%d (three at a time), or send it to Java in a ring record";
        char letter = rest.isEmpty() ? ' ' : rest.charAt(rest.length() - 1);
        if ("fFeEgGaA".indexOf(letter) >= 0)
            return "but the kernel has no floating point; print a scaled integer instead (%d of value * 100)";
        if (letter == 'n') return "which the kernel refuses: printk writes nothing back";
        return "which bpf_trace_printk refuses; use %d %i %u %x %X (optionally with l or ll), %c or %p";
    }

    /**
     * Whether a conversion (after its flags and width) is one bpf_trace_printk takes for a number: d i u x X with
     * no, one or two l, c, or p with no modifier or K, x, B. Compared by hand: a regular expression here would load
     * java.util.regex on every translation of a probe that prints.
     */
    private static boolean isAccepted(String rest) {
        switch (rest) {
            case "c": case "p": case "pK": case "px": case "pB": return true;
            default:
        }
        String letter = rest.startsWith("ll") ? rest.substring(2) : rest.startsWith("l") ? rest.substring(1) : rest;
        return letter.length() == 1 && "diuxX".indexOf(letter.charAt(0)) >= 0;
    }
}
