package org.jbpf.it.semantics;

import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The headers a random packet probe ({@link RandomPackets}) reads and writes, field by field (offset, width, array
 * length), and the text of one read or write of a field in the probe or in its Java copy. A header is a view into the
 * packet ({@code ctx.header}, an offset into {@link PacketModel} in the copy) or a copy on the stack ({@code ctx.load},
 * a byte array in the copy). Reads come in the forms a Java programmer writes them: through {@code Net.ntohs} and
 * {@code Net.ntohl}, masked to unsigned, sign-extended as the raw field, byte-swapped by hand.
 */
final class PacketFields {
    /** One field: name, offset in the header, width in bytes (of one element for an array), array length or 0. */
    record Field(String name, int offset, int width, int length) {}

    /** One header type: the class the probe names and its size; {@code Ext} is the probe's own 8-byte struct. */
    record Type(String name, int size, List<Field> fields) {}

    static final Type ETHERNET = new Type("Ethernet", 14, List.of(new Field("destination", 0, 1, 6), new Field("source", 6, 1, 6),
            new Field("etherType", 12, 2, 0)));
    static final Type VLAN = new Type("Vlan", 4, List.of(new Field("tci", 0, 2, 0), new Field("etherType", 2, 2, 0)));
    static final Type IPV4 = new Type("Ipv4", 20, List.of(new Field("versionIhl", 0, 1, 0), new Field("tos", 1, 1, 0),
            new Field("totalLength", 2, 2, 0), new Field("id", 4, 2, 0), new Field("fragmentOffset", 6, 2, 0),
            new Field("ttl", 8, 1, 0), new Field("protocol", 9, 1, 0), new Field("checksum", 10, 2, 0),
            new Field("source", 12, 4, 0), new Field("destination", 16, 4, 0)));
    static final Type IPV6 = new Type("Ipv6", 40, List.of(new Field("versionClassFlow", 0, 4, 0), new Field("payloadLength", 4, 2, 0),
            new Field("nextHeader", 6, 1, 0), new Field("hopLimit", 7, 1, 0), new Field("source", 8, 1, 16),
            new Field("destination", 24, 1, 16)));
    static final Type TCP = new Type("Tcp", 20, List.of(new Field("sourcePort", 0, 2, 0), new Field("destinationPort", 2, 2, 0),
            new Field("sequence", 4, 4, 0), new Field("acknowledgement", 8, 4, 0), new Field("dataOffset", 12, 1, 0),
            new Field("flags", 13, 1, 0), new Field("window", 14, 2, 0), new Field("checksum", 16, 2, 0),
            new Field("urgentPointer", 18, 2, 0)));
    static final Type UDP = new Type("Udp", 8, List.of(new Field("sourcePort", 0, 2, 0), new Field("destinationPort", 2, 2, 0),
            new Field("length", 4, 2, 0), new Field("checksum", 6, 2, 0)));
    static final Type ICMP = new Type("Icmp", 8, List.of(new Field("type", 0, 1, 0), new Field("code", 1, 1, 0),
            new Field("checksum", 2, 2, 0), new Field("rest", 4, 4, 0)));
    /** An IPv6 extension header's first 8 bytes, or any 8 bytes (IPv4 options, payload). */
    static final Type EXT = new Type("Ext", 8, List.of(new Field("next", 0, 1, 0), new Field("length", 1, 1, 0),
            new Field("a", 2, 2, 0), new Field("b", 4, 4, 0)));

    /** A TCP option's kind and length. */
    static final Type OPT = new Type("Opt", 2, List.of(new Field("kind", 0, 1, 0), new Field("length", 1, 1, 0)));

    static final String OPT_STRUCT = "    @Struct\n    public static final class Opt {\n        public byte kind;\n        public byte length;\n    }\n";

    static final String EXT_STRUCT = "    @Struct\n    public static final class Ext {\n        public byte next;\n        public byte length;\n"
            + "        public short a;\n        public int b;\n    }\n";

    /** A header variable: its name, type, whether it is a copy ({@code ctx.load}), and whether a helper made it stale. */
    static final class Header {
        final String name;
        final Type type;
        final boolean copy;
        boolean stale;

        Header(String name, Type type, boolean copy) {
            this.name = name;
            this.type = type;
            this.copy = copy;
        }
    }

    private static final Map<Integer, String> JAVA_READ = Map.of(1, "i8", 2, "i16", 4, "i32");

    private final Random random;
    private final boolean java;

    PacketFields(Random random, boolean java) {
        this.random = random;
        this.java = java;
    }

    /** {@code Type h = ctx.header(offset, Type.class)} or the copy's {@code int h = ctx.header(offset, size)}; likewise load. */
    String declare(Header h, String offset) {
        String call = h.copy ? "load" : "header";
        if (!java) return h.type.name + " " + h.name + " = ctx." + call + "(" + offset + ", " + h.type.name + ".class)";
        return (h.copy ? "byte[] " : "int ") + h.name + " = ctx." + call + "(" + offset + ", " + h.type.size + ")";
    }

    /** The test that the header is missing (or, with {@code present}, that it is there). */
    String isNull(Header h, boolean present) {
        if (!java || h.copy) return h.name + (present ? " != null" : " == null");
        return h.name + (present ? " >= 0" : " < 0");
    }

    /** The raw field (an array element at {@code index}) as the probe reads it: byte, short or int in host order. */
    String raw(Header h, Field f, String index) {
        if (!java) return h.name + "." + f.name + (f.length > 0 ? "[" + index + "]" : "");
        String at = f.offset + (f.length > 0 ? " + " + index : "");
        return h.copy ? "PacketModel." + JAVA_READ.get(f.width) + "(" + h.name + ", " + at + ")"
                : "ctx." + JAVA_READ.get(f.width) + "(" + h.name + " + " + at + ")";
    }

    /** A field read as an int, in one of the forms a programmer writes. */
    String read(Header h, Field f, String variable) {
        String raw = raw(h, f, index(f, variable));
        return switch (f.width) {
            case 1 -> pick(raw, "(" + raw + " & 0xff)", "Byte.toUnsignedInt(" + raw + ")", "(" + raw + " & 0x0f)", "((" + raw + " & 0xff) >> 4)");
            case 2 -> pick("Net.ntohs(" + raw + ")", "Net.ntohs(" + raw + ")", raw, "(" + raw + " & 0xffff)", "(int) Short.reverseBytes(" + raw + ")");
            default -> pick("Net.ntohl(" + raw + ")", "Net.ntohl(" + raw + ")", raw, "Integer.reverseBytes(" + raw + ")", "(Net.ntohl(" + raw + ") >>> 16)");
        };
    }

    /** A constant index of an array field, or a variable masked into range. */
    private String index(Field f, String variable) {
        if (f.length == 0) return "";
        return random.nextInt(3) == 0 ? "(" + variable + " & " + (Integer.highestOneBit(f.length) - 1) + ")" : Integer.toString(random.nextInt(f.length));
    }

    /** A statement that writes {@code value} (an int expression) into the field, in network or host order. */
    String write(Header h, Field f, String value, String variable) {
        String index = index(f, variable);
        String v = switch (f.width) {
            case 1 -> "(byte) " + RandomExpressions.paren(value);
            case 2 -> random.nextBoolean() ? "Net.htons(" + value + ")" : "(short) " + RandomExpressions.paren(value);
            default -> random.nextBoolean() ? "Net.htonl(" + value + ")" : value;
        };
        if (!java) return h.name + "." + f.name + (f.length > 0 ? "[" + index + "]" : "") + " = " + v + ";";
        String put = "put" + (f.width * 8), at = f.offset + (f.length > 0 ? " + " + index : "");
        return h.copy ? "PacketModel." + put + "(" + h.name + ", " + at + ", " + v + ");" : "ctx." + put + "(" + h.name + " + " + at + ", " + v + ");";
    }

    Field field(Type t) { return t.fields.get(random.nextInt(t.fields.size())); }

    /** A field by name. */
    static Field field(Type t, String name) {
        return t.fields.stream().filter(f -> f.name.equals(name)).findFirst().orElseThrow();
    }

    private String pick(String... options) { return options[random.nextInt(options.length)]; }
}
