package org.jbpf.toolchain.gen;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tracepoint's record layout as tracefs describes it in {@code events/<category>/<name>/format}: each field with
 * its C declaration, byte offset, size and signedness, in record order; and the conversion its {@code print fmt} line
 * prints each field with ({@code printedAs}: {@code comm} as {@code %s}, {@code saddr} as {@code %pI4}).
 */
public record TracepointFormat(String category, String name, List<Field> fields, Map<String, String> printedAs) {

    /** One {@code field:<declaration>; offset:N; size:N; signed:N;} line. */
    public record Field(String declaration, String name, int offset, int size, boolean signed) {
        /** {@code __data_loc char[] filename}: a 4-byte reference (offset low 16 bits, length high 16) to data after the record. */
        public boolean isDataLoc() { return declaration.startsWith("__data_loc "); }

        /** A pointer into kernel or user memory, read with probeReadKernel/probeReadUser*. */
        public boolean isPointer() { return !isDataLoc() && declaration.contains("*"); }

        /** A fixed-size array such as {@code char comm[16]}. */
        public boolean isArray() { return !isDataLoc() && declaration.endsWith("]"); }

        /** A plain {@code char} array ({@code char comm[16]}, not {@code unsigned char} or {@code __u8}): C text. */
        public boolean isCharArray() {
            return isArray() && (declaration.startsWith("char ") || declaration.startsWith("const char "));
        }
    }

    private static final Pattern FIELD = Pattern.compile(
            "^\\s*field:(.+?);\\s*offset:(\\d+);\\s*size:(\\d+);\\s*signed:(\\d+);\\s*$");
    private static final Pattern NAME = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*(\\[[^\\]]*\\])?$");

    public TracepointFormat {
        fields = List.copyOf(fields);
        printedAs = Map.copyOf(printedAs);
    }

    /** A format without a print line. */
    public TracepointFormat(String category, String name, List<Field> fields) {
        this(category, name, fields, Map.of());
    }

    /** The conversion the kernel prints {@code field} with ({@code "%s"}, {@code "%pI4"}), or null. */
    public String printedAs(Field field) {
        return printedAs.get(field.name());
    }

    /**
     * Parses the text of a format file; {@code where} (e.g. its path) names it in errors. A file without any field
     * line, or a field line whose declaration names no field, is an {@link IllegalArgumentException}.
     */
    public static TracepointFormat parse(String category, String name, String text, String where) {
        List<Field> fields = new ArrayList<>();
        Map<String, String> printed = Map.of();
        int lineNo = 0;
        for (String line : text.split("\n")) {
            lineNo++;
            if (line.startsWith("print fmt:")) printed = PrintFormat.conversions(line);
            Matcher m = FIELD.matcher(line);
            if (!m.matches()) continue;
            String decl = m.group(1).trim();
            Matcher n = NAME.matcher(decl);
            if (!n.find()) throw new IllegalArgumentException(where + ":" + lineNo + ": no field name in \"" + decl + "\"");
            fields.add(new Field(decl, n.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), "1".equals(m.group(4))));
        }
        if (fields.isEmpty()) throw new IllegalArgumentException(where + ": no \"field:\" lines; is this a tracepoint format file?");
        fields.sort((a, b) -> Integer.compare(a.offset(), b.offset()));
        return new TracepointFormat(category, name, fields, printed);
    }
}
