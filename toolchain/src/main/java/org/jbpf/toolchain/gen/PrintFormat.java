package org.jbpf.toolchain.gen;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code print fmt:} line of a tracepoint's format file, read for what it says about fields: which conversion
 * the kernel prints each {@code REC->field} argument with ({@code %s} for text, {@code %pI4} and {@code %pI6c} for
 * addresses). Arguments that are expressions ({@code __print_symbolic(REC->x, ..)}) name no field and are skipped.
 */
final class PrintFormat {
    private PrintFormat() {}

    /** Field name to its conversion ({@code "%s"}, {@code "%pI4"}, ...) for a {@code print fmt: "..", args} line; empty when unreadable. */
    static Map<String, String> conversions(String line) {
        Map<String, String> out = new HashMap<>();
        int open = line.indexOf('"');
        if (open < 0) return out;
        int close = closingQuote(line, open + 1);
        if (close < 0) return out;
        List<String> specs = specs(line.substring(open + 1, close));
        List<String> args = arguments(line.substring(close + 1));
        for (int i = 0; i < specs.size() && i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("&")) arg = arg.substring(1).trim();   // &REC->dst: the address of a number field
            if (!arg.startsWith("REC->")) continue;
            String field = arg.substring(5);
            if (isIdentifier(field)) out.put(field, specs.get(i));
        }
        return out;
    }

    private static int closingQuote(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) == '\\') i++;
            else if (s.charAt(i) == '"') return i;
        }
        return -1;
    }

    /** The conversions of a printf format in order: {@code %} up to its conversion letter, {@code %p} with its suffix letters. */
    static List<String> specs(String fmt) {
        List<String> specs = new ArrayList<>();
        for (int i = 0; i < fmt.length(); i++) {
            if (fmt.charAt(i) != '%') continue;
            if (i + 1 < fmt.length() && fmt.charAt(i + 1) == '%') {
                i++;
                continue;
            }
            int j = i + 1;
            while (j < fmt.length() && "-+ #0123456789.*hlLzjt".indexOf(fmt.charAt(j)) >= 0) j++;
            if (j >= fmt.length()) break;
            char conv = fmt.charAt(j);
            StringBuilder spec = new StringBuilder().append('%').append(conv);
            if (conv == 'p')   // %pI4, %pI6c, %pISpc, %pS, ...: the kernel's pointer extensions are letters and digits
                while (j + 1 < fmt.length() && Character.isLetterOrDigit(fmt.charAt(j + 1))) spec.append(fmt.charAt(++j));
            specs.add(spec.toString());
            i = j;
        }
        return specs;
    }

    /** The comma-separated arguments after the format, split at commas outside parentheses, braces and quotes. */
    static List<String> arguments(String rest) {
        List<String> args = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        StringBuilder cur = null;
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (quoted) {
                if (c == '\\') i++;
                else if (c == '"') quoted = false;
            } else if (c == '"') quoted = true;
            else if (c == '(' || c == '{' || c == '[') depth++;
            else if (c == ')' || c == '}' || c == ']') depth--;
            else if (c == ',' && depth == 0) {
                if (cur != null) args.add(cur.toString().trim());
                cur = new StringBuilder();
                continue;
            }
            if (cur != null) cur.append(c);
        }
        if (cur != null) args.add(cur.toString().trim());
        return args;
    }

    private static boolean isIdentifier(String s) {
        if (s.isEmpty() || !Character.isJavaIdentifierStart(s.charAt(0))) return false;
        for (int i = 1; i < s.length(); i++) if (!Character.isJavaIdentifierPart(s.charAt(i))) return false;
        return true;
    }
}
