package org.jbpf.metrics;

/**
 * Prometheus names from Java names: {@code ProcessCounter} and {@code processCount} become {@code process_counter}
 * and {@code process_count}; anything outside {@code [a-zA-Z0-9_]} becomes an underscore.
 */
final class MetricNames {
    private MetricNames() {}

    /** {@code jbpf_<probe>_<map>} with {@code _<field>} for a field of a struct value. */
    static String metric(String probe, String map, String field) {
        String base = "jbpf_" + snake(probe) + "_" + snake(map);
        return field.isEmpty() ? base : base + "_" + snake(field);
    }

    static String snake(String name) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean upper = c >= 'A' && c <= 'Z';
            if (upper && i > 0 && sb.length() > 0 && sb.charAt(sb.length() - 1) != '_'
                    && (!isUpper(name.charAt(i - 1)) || i + 1 < name.length() && isLower(name.charAt(i + 1))))
                sb.append('_');
            sb.append(isWordChar(c) ? Character.toLowerCase(c) : '_');
        }
        return sb.toString();
    }

    /** A valid label name: field names are kept as written, with invalid characters replaced. */
    static String label(String name) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < name.length(); i++) sb.append(isWordChar(name.charAt(i)) ? name.charAt(i) : '_');
        String s = sb.toString();
        if (s.isEmpty() || Character.isDigit(s.charAt(0))) s = "_" + s;
        return s.startsWith("__") ? "field" + s : s;  // names starting with __ are Prometheus's own
    }

    private static boolean isWordChar(char c) { return c < 128 && (Character.isLetterOrDigit(c) || c == '_'); }
    private static boolean isUpper(char c) { return c >= 'A' && c <= 'Z'; }
    private static boolean isLower(char c) { return c >= 'a' && c <= 'z'; }
}
