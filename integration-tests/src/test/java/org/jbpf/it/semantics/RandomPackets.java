package org.jbpf.it.semantics;

import static org.jbpf.it.semantics.PacketFields.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jbpf.it.semantics.PacketFields.Header;
import org.jbpf.it.semantics.PacketFields.Type;

/**
 * Writes random packet probes the way users write them: an xdp, tc or socket-filter program that walks the headers
 * (Ethernet, VLAN tags in a loop or unrolled, IPv4 with its header length and options or IPv6 with a loop over
 * extension headers, then TCP, UDP or ICMP), tests each header against null in the forms a programmer writes,
 * reads fields of every width and byte order into locals, computes on them ({@link RandomExpressions}), writes
 * fields back (ports, addresses, TTLs, flags) through header views or through copies stored back, updates checksums
 * with l3/l4_csum_replace, moves the packet's head and tail, counts into a hash map keyed by packet fields and an
 * array map of slots, and returns a verdict computed from what it read.
 *
 * <p>Program {@code i} of a seed is drawn from its own {@link Random}, once as the probe (package {@code gen}) and once
 * as its Java copy (package {@code ref}) over a {@link PacketModel}, whose verdict, bytes and maps the kernel must give.
 */
final class RandomPackets {
    /** Slots of the array map {@code out}. */
    static final int SLOTS = 8;
    private static final String[] INTS = {"v0", "v1", "v2", "v3", "v4", "v5"};

    private final long seed;
    /** What the generator writes, by version: FOUND's programs were drawn by version 0. */
    static final int FIRST = 0, GUARDED_DIVISORS = 1, TCP_OPTIONS = 2, LOOP_WRITES = 3, MAP_KEYS = 4, XDP_LOADS = 5, LATEST = XDP_LOADS;
    private final int version;
    private Random random;
    private RandomExpressions e;
    private PacketFields fields;
    private RandomPacketKeys keys;
    private boolean java;
    private PacketModel.Kind kind;
    private StringBuilder s;
    /** Methods of the class written while the program's body is: helpers that read a header passed to them. */
    private StringBuilder methods;
    private final List<Header> live = new ArrayList<>();
    /** Where the headers of the loop being written start in {@link #live}: those before it may be stale on a later turn. */
    private int loopStart;
    private int names;

    RandomPackets(long seed) { this(seed, LATEST); }

    /**
     * The generator as it was at {@code version}: from {@link #GUARDED_DIVISORS} on, divisors are guarded as a writer
     * guards them ({@link RandomExpressions#guardedDivisors}); from {@link #TCP_OPTIONS} on, TCP options are walked;
     * from {@link #LOOP_WRITES} on, a VLAN loop writes only its own tag (a view written before it is stale on the
     * next turn after a store in the loop, which the translator rightly refuses); from {@link #MAP_KEYS} on, IPv4
     * addresses key a longest-prefix-match map and flows an LRU hash map ({@link RandomPacketKeys}); from
     * {@link #XDP_LOADS} on, xdp programs read some headers as copies ({@code ctx.load}, bpf_xdp_load_bytes).
     */
    RandomPackets(long seed, int version) {
        this.seed = seed;
        this.version = version;
    }

    private long programSeed(int i) { return seed ^ (i + 1) * 0xC2B2AE3D27D4EB4FL; }

    /** The kind of program {@code i}: xdp, tc or socket filter. */
    PacketModel.Kind kind(int i) {
        int k = new Random(programSeed(i)).nextInt(20);
        return k < 9 ? PacketModel.Kind.XDP : k < 16 ? PacketModel.Kind.TC : PacketModel.Kind.SOCKET;
    }

    /** The source of probe {@code gen.P<i>}, or with {@code java} of its copy {@code ref.P<i>}. */
    String source(int i, boolean java) {
        this.java = java;
        kind = kind(i);
        random = new Random(programSeed(i));
        random.nextInt(20);
        e = new RandomExpressions(random, java);
        e.guardedDivisors = version >= GUARDED_DIVISORS;
        e.inputs = List.of("acc", "w0");
        e.longs = List.of("acc", "w0", "w1");
        e.ints = List.of(INTS);
        fields = new PacketFields(random, java);
        keys = new RandomPacketKeys(random, e, fields, java, s = new StringBuilder(), INTS);
        live.clear();
        loopStart = 0;
        names = 0;
        methods = new StringBuilder();
        s.append("package ").append(java ? "ref" : "gen").append(";\n");
        s.append("import org.jbpf.*;\nimport org.jbpf.maps.*;\nimport org.jbpf.net.*;\n");
        s.append("import org.jbpf.it.semantics.JavaSemantics;\nimport org.jbpf.it.semantics.PacketModel;\n");
        if (java && version >= MAP_KEYS) s.append("import org.jbpf.it.semantics.PacketMapModels;\n");
        s.append("@Bpf(license = \"GPL\")\npublic final class P").append(i).append(" {\n");
        if (!java) s.append(EXT_STRUCT).append(version >= TCP_OPTIONS ? OPT_STRUCT : "");
        s.append(java ? "    public static final long[] out = new long[" + SLOTS + "];\n"
                : "    public static final ArrayMap<Long> out = new ArrayMap<>(Long.class, " + SLOTS + ");\n");
        s.append(java ? "    public static final JavaSemantics.MapModel m = new JavaSemantics.MapModel();\n"
                : "    public static final HashMap<Long, Long> m = new HashMap<>(Long.class, Long.class, 4096);\n");
        if (version >= MAP_KEYS) s.append(java ? RandomPacketKeys.JAVA_MAPS : RandomPacketKeys.PROBE_MAPS);
        String section = switch (kind) { case XDP -> "xdp/run"; case TC -> "tc/ingress"; case SOCKET -> "socket/run"; };
        if (!java) s.append("    @Section(\"").append(section).append("\")\n");
        String context = java ? "PacketModel" : kind == PacketModel.Kind.XDP ? "XdpContext" : "SkBuffContext";
        s.append("    public static int run(").append(context).append(" ctx) {\n");
        String in = "        ";
        s.append(in).append("long acc = ").append(random.nextInt(1000)).append("L, w0 = ctx.length(), w1 = 0;\n");
        // locals the packet decides from the start, so that the translator folds no division by them to a constant 0
        s.append(in).append("int v0 = ctx.length(), v1 = v0 ^ 0x5a, v2 = v0 >> 1, v3 = -v0, v4 = v0 * 7, v5 = ~v0;\n");
        s.append(in).append("int off = ").append(kind == PacketModel.Kind.SOCKET ? "0" : "14").append(", type, proto = -1, l4 = -1;\n");
        if (kind == PacketModel.Kind.SOCKET) {
            s.append(in).append("type = Net.ntohs((short) ctx.protocol());\n");
        } else {
            Header eth = header(ETHERNET, in, "0");
            s.append(in).append("type = Net.ntohs(").append(fields.raw(eth, field(ETHERNET, "etherType"), "")).append(");\n");
            reads(eth, in, random.nextInt(3));
            writes(eth, in);
        }
        vlans(in);
        s.append(in).append("if (type == Net.ETH_P_IP) {\n");
        ipv4(in + "    ");
        s.append(in).append("} else if (type == Net.ETH_P_IPV6) {\n");
        ipv6(in + "    ");
        s.append(in).append("}").append(random.nextInt(3) == 0 ? " else {\n" + in + "    return " + verdict() + ";\n" + in + "}\n" : "\n");
        transport(in);
        if (random.nextInt(3) == 0) anywhere(in);
        if (random.nextBoolean()) helper(in);
        counters(in, 1 + random.nextInt(3));
        s.append(in).append("return ").append(verdict()).append(";\n    }\n").append(methods).append("}\n");
        return s.toString();
    }

    /** Declares a header at {@code offset}, tests it against null, and returns it; it is live until a helper runs. */
    private Header header(Type type, String in, String offset) {
        boolean copy = kind == PacketModel.Kind.SOCKET || kind == PacketModel.Kind.TC && random.nextInt(3) == 0
                || version >= XDP_LOADS && kind == PacketModel.Kind.XDP && random.nextInt(4) == 0;
        Header h = new Header("h" + names++, type, copy);
        if (random.nextInt(6) == 0)
            s.append(in).append("if (ctx.length() < ").append(offset).append(" + ").append(type.size()).append(") return ").append(verdict()).append(";\n");
        s.append(in).append(fields.declare(h, offset)).append(";\n");
        live.add(h);
        switch (random.nextInt(4)) {
            case 0 -> {
                // the null test joined with a test of a field, as in "ip == null || ip.protocol != 17"
                Field f = fields.field(type);
                s.append(in).append("if (").append(fields.isNull(h, false)).append(" || ").append(fields.read(h, f, "v0"))
                        .append(" == ").append(random.nextInt(3) == 0 ? "0" : Integer.toString(random.nextInt(256))).append(") return ").append(verdict()).append(";\n");
            }
            default -> s.append(in).append("if (").append(fields.isNull(h, false)).append(") return ").append(verdict()).append(";\n");
        }
        return h;
    }

    /** Reads {@code n} fields of the header into locals or into the accumulator. */
    private void reads(Header h, String in, int n) {
        for (int k = 0; k < n; k++) {
            String read = fields.read(h, fields.field(h.type), e.pick(INTS));
            switch (random.nextInt(4)) {
                case 0 -> s.append(in).append("acc = acc * 31 + ").append(read).append(";\n");
                case 1 -> s.append(in).append("w1 ^= (long) ").append(read).append(" << ").append(random.nextInt(40)).append(";\n");
                default -> s.append(in).append(e.pick(INTS)).append(" = ").append(read).append(";\n");
            }
        }
        if (random.nextInt(3) == 0) s.append(in).append("if (").append(e.condition(1)).append(") acc ^= ").append(e.longExpr(2)).append(";\n");
        if (random.nextInt(3) == 0) s.append(in).append(e.pick(INTS)).append(" = ").append(e.intExpr(2)).append(";\n");
        if (random.nextInt(4) == 0) look(h, in);
    }

    /** Passes the header to a method of its own (sometimes {@code @NoInline}) that reads two of its fields. */
    private void look(Header h, String in) {
        String name = "look" + names++;
        Header p = new Header("h", h.type, h.copy);
        boolean noInline = random.nextInt(3) == 0;
        if (!java && noInline) methods.append("    @NoInline\n");
        String params = java ? (h.copy ? "byte[] h" : "PacketModel ctx, int h") : h.type.name() + " h";
        methods.append("    static int ").append(name).append("(").append(params).append(", int x) {\n");
        methods.append("        return ").append(fields.read(p, fields.field(h.type), "x")).append(" * 31 ").append(e.pick("+", "^", "-")).append(" ")
                .append(fields.read(p, fields.field(h.type), "x")).append(" ^ x;\n    }\n");
        s.append(in).append(e.pick(INTS)).append(" = ").append(name).append("(").append(java && !h.copy ? "ctx, " : "").append(h.name).append(", ")
                .append(e.pick(INTS)).append(");\n");
    }

    /**
     * The TCP options, kind by kind in a bounded loop up to the data offset: the end-of-options kind stops it, a NOP
     * is one byte, any other option has a length of at least 2 (a shorter one stops the walk, as the kernel's own
     * parser does). Each option's kind and length are read as a header of two bytes at a computed offset.
     */
    private void tcpOptions(Header tcp, String in) {
        int n = names++;
        String end = "end" + n, at = "at" + n, kind = "kind" + n, length = "length" + n;
        s.append(in).append("int ").append(end).append(" = l4 + ((").append(fields.raw(tcp, field(TCP, "dataOffset"), "")).append(" & 0xff) >> 4) * 4;\n");
        s.append(in).append("int ").append(at).append(" = l4 + Tcp.SIZE;\n");
        s.append(in).append("for (int k = 0; k < ").append(2 + random.nextInt(8)).append(" && ").append(at).append(" < ").append(end).append("; k++) {\n");
        String b = in + "    ";
        int mark = live.size();
        Header option = header(OPT, b, at);
        s.append(b).append("int ").append(kind).append(" = ").append(fields.raw(option, field(OPT, "kind"), "")).append(" & 0xff;\n");
        s.append(b).append("if (").append(kind).append(" == 0) break;\n");
        s.append(b).append("if (").append(kind).append(" == 1) {\n").append(b).append("    ").append(at).append("++;\n")
                .append(b).append("    continue;\n").append(b).append("}\n");
        s.append(b).append("int ").append(length).append(" = ").append(fields.raw(option, field(OPT, "length"), "")).append(" & 0xff;\n");
        s.append(b).append("if (").append(length).append(" < 2) break;\n");
        if (random.nextBoolean()) s.append(b).append("if (").append(kind).append(" == ").append(e.pick("2", "3", "8")).append(") v")
                .append(random.nextInt(6)).append(" = ").append(kind).append(" << 8 | ").append(length).append(";\n");
        reads(option, b, random.nextInt(2));
        s.append(b).append(at).append(" += ").append(length).append(";\n");
        close(in, mark);
    }

    /** The payload after a UDP header, eight bytes at a time in a loop that stops at the packet's end. */
    private void payload(String in) {
        s.append(in).append("for (int k = 0; k < ").append(1 + random.nextInt(6)).append("; k++) {\n");
        int mark = live.size();
        Header chunk = new Header("h" + names++, EXT, kind == PacketModel.Kind.SOCKET || kind == PacketModel.Kind.TC && random.nextBoolean());
        s.append(in).append("    ").append(fields.declare(chunk, "l4 + Udp.SIZE + k * 8")).append(";\n");
        s.append(in).append("    if (").append(fields.isNull(chunk, false)).append(") break;\n");
        live.add(chunk);
        reads(chunk, in + "    ", 1);
        close(in, mark);
    }

    /** Writes 0 to 2 fields of live headers (views write the packet; copies are stored back in tc). */
    private void writes(Header h, String in) {
        if (random.nextInt(3) != 0) return;
        for (int n = 1 + random.nextInt(2), k = 0; k < n; k++) {
            Header target = random.nextBoolean() ? h : e.pick(live);
            if (version >= LOOP_WRITES && live.indexOf(target) < loopStart) target = h;
            if (target.stale) target = h;
            if (target.stale) return;
            s.append(in).append(fields.write(target, fields.field(target.type), value(), e.pick(INTS))).append("\n");
        }
        if (h.copy && kind == PacketModel.Kind.TC && random.nextBoolean()) {
            s.append(in).append("acc += ctx.store(").append(random.nextInt(8) == 0 ? "v1 & 63" : "off").append(", ").append(h.name).append(", ")
                    .append(e.pick("0", "0", "0", "1", "2", "4")).append(");\n");
            stale();
        }
    }

    /** A value to write: a computation, a constant port or address, or a field's value changed a little. */
    private String value() {
        return switch (random.nextInt(4)) {
            case 0 -> Integer.toString(random.nextInt(65536));
            case 1 -> e.pick(INTS) + " + " + (1 + random.nextInt(3));
            default -> e.intExpr(2);
        };
    }

    /** Zero, one or two VLAN tags, unrolled or in a loop with the tag declared in its body. */
    private void vlans(String in) {
        String tagged = "(type == Net.ETH_P_8021Q || type == Net.ETH_P_8021AD)";
        int mode = random.nextInt(4);
        if (mode == 0) return;
        String body = in + "    ";
        if (mode == 1) s.append(in).append("if ").append(tagged).append(" {\n");
        else if (mode == 2) s.append(in).append("for (int t = 0; t < ").append(1 + random.nextInt(3)).append(" && ").append(tagged).append("; t++) {\n");
        else s.append(in).append("int tags = 0;\n").append(in).append("while (").append(tagged).append(" && tags++ < ").append(1 + random.nextInt(3)).append(") {\n");
        int mark = live.size();
        if (mode != 1) loopStart = mark;
        Header tag = header(VLAN, body, "off");
        s.append(body).append("v").append(random.nextInt(3)).append(" = ").append(fields.read(tag, field(VLAN, "tci"), "")).append(" & 0x0fff;\n");
        s.append(body).append("type = Net.ntohs(").append(fields.raw(tag, field(VLAN, "etherType"), "")).append(");\n");
        if (random.nextInt(3) == 0) writes(tag, body);
        s.append(body).append("off += Vlan.SIZE;\n");
        loopStart = 0;
        close(in, mark);
    }

    private void ipv4(String in) {
        int mark = live.size();
        Header ip = header(IPV4, in, "off");
        String versionIhl = fields.raw(ip, field(IPV4, "versionIhl"), "");
        if (random.nextInt(3) == 0) s.append(in).append("if ((").append(versionIhl).append(" & 0xf0) != 0x40) return ").append(verdict()).append(";\n");
        s.append(in).append("int ihl = (").append(versionIhl).append(" & 0x0f) * 4;\n");
        if (random.nextInt(3) != 0) s.append(in).append("if (ihl < Ipv4.SIZE) return ").append(verdict()).append(";\n");
        s.append(in).append("proto = ").append(fields.raw(ip, field(IPV4, "protocol"), "")).append(" & 0xff;\n");
        reads(ip, in, 1 + random.nextInt(4));
        writes(ip, in);
        if (version >= MAP_KEYS && random.nextInt(3) == 0 && !ip.stale) keys.prefix(ip, in);
        s.append(in).append("l4 = off + ihl;\n");
        if (random.nextInt(3) == 0) {
            // the first option word, when the header has options
            s.append(in).append("if (ihl > Ipv4.SIZE) {\n");
            Header option = header(EXT, in + "    ", "off + Ipv4.SIZE");
            reads(option, in + "    ", 1);
            close(in, mark + 1);
        }
        helperIf(in);
        live.subList(mark, live.size()).clear();
    }

    private void ipv6(String in) {
        int mark = live.size();
        Header ip6 = header(IPV6, in, "off");
        s.append(in).append("proto = ").append(fields.raw(ip6, field(IPV6, "nextHeader"), "")).append(" & 0xff;\n");
        reads(ip6, in, 1 + random.nextInt(4));
        writes(ip6, in);
        s.append(in).append("l4 = off + Ipv6.SIZE;\n");
        if (random.nextInt(3) != 0) {
            String extension = "(proto == 0 || proto == 43 || proto == 60" + (random.nextBoolean() ? " || proto == 44" : "") + ")";
            s.append(in).append("for (int x = 0; x < ").append(1 + random.nextInt(4)).append(" && ").append(extension).append("; x++) {\n");
            int inner = live.size();
            Header ext = header(EXT, in + "    ", "l4");
            s.append(in).append("    int length = proto == 44 ? 8 : ((").append(fields.raw(ext, field(EXT, "length"), "")).append(" & 0xff) + 1) * 8;\n");
            s.append(in).append("    proto = ").append(fields.raw(ext, field(EXT, "next"), "")).append(" & 0xff;\n");
            if (random.nextBoolean()) reads(ext, in + "    ", 1);
            s.append(in).append("    l4 += length;\n");
            close(in, inner);
        }
        helperIf(in);
        live.subList(mark, live.size()).clear();
    }

    /** TCP, UDP or ICMP at l4, each in its own branch. */
    private void transport(String in) {
        String b = in + "    ";
        s.append(in).append("if (proto == Net.IPPROTO_TCP) {\n");
        int mark = live.size();
        Header tcp = header(TCP, b, "l4");
        s.append(b).append("v").append(random.nextInt(6)).append(" = Net.ntohs(").append(fields.raw(tcp, field(TCP, "destinationPort"), "")).append(");\n");
        reads(tcp, b, 1 + random.nextInt(4));
        writes(tcp, b);
        if (version >= TCP_OPTIONS && !tcp.stale && random.nextInt(3) == 0) tcpOptions(tcp, b);
        if (random.nextInt(3) == 0) {
            s.append(b).append("int payload = l4 + ((").append(fields.raw(tcp, field(TCP, "dataOffset"), "")).append(" & 0xff) >> 4) * 4;\n");
            int inner = live.size();
            s.append(b).append("if (payload >= l4 + Tcp.SIZE) {\n");
            Header data = header(EXT, b + "    ", "payload");
            reads(data, b + "    ", 1 + random.nextInt(2));
            writes(data, b + "    ");
            close(b, inner);
        }
        if (version >= MAP_KEYS && random.nextInt(3) == 0 && !tcp.stale) keys.flow(tcp, b);
        portRewrite(tcp, b, 16);
        live.subList(mark, live.size()).clear();
        s.append(in).append("} else if (proto == Net.IPPROTO_UDP) {\n");
        Header udp = header(UDP, b, "l4");
        reads(udp, b, 1 + random.nextInt(3));
        writes(udp, b);
        if (random.nextInt(3) == 0) payload(b);
        if (version >= MAP_KEYS && random.nextInt(3) == 0 && !udp.stale) keys.flow(udp, b);
        portRewrite(udp, b, 6);
        live.subList(mark, live.size()).clear();
        s.append(in).append("} else if (proto == Net.IPPROTO_ICMP || proto == Net.IPPROTO_ICMPV6) {\n");
        Header icmp = header(ICMP, b, "l4");
        reads(icmp, b, 1 + random.nextInt(3));
        writes(icmp, b);
        live.subList(mark, live.size()).clear();
        s.append(in).append("}\n");
    }

    /**
     * Eight bytes at an offset computed from what was read, negative or past the packet as often as not, used inside
     * {@code if (h != null) { .. }}: out of range, the header is null rather than a read of other memory.
     */
    private void anywhere(String in) {
        String offset = switch (random.nextInt(5)) {
            case 0 -> "l4 - " + random.nextInt(24);
            case 1 -> e.pick(INTS) + " & 0xff";
            case 2 -> "off + " + e.pick(INTS) + " % 9";
            case 3 -> e.pick(INTS);
            default -> "ctx.length() - " + random.nextInt(12);
        };
        boolean copy = kind == PacketModel.Kind.SOCKET || kind == PacketModel.Kind.TC && random.nextBoolean()
                || version >= XDP_LOADS && kind == PacketModel.Kind.XDP && random.nextInt(3) == 0;
        Header h = new Header("h" + names++, EXT, copy);
        s.append(in).append("{\n").append(in).append("    ").append(fields.declare(h, offset)).append(";\n");
        s.append(in).append("    if (").append(fields.isNull(h, true)).append(") {\n");
        int mark = live.size();
        live.add(h);
        reads(h, in + "        ", 1 + random.nextInt(2));
        writes(h, in + "        ");
        close(in + "    ", mark);
        s.append(in).append("}\n");
    }

    /** In tc, sometimes: a new destination port with the checksum fixed by l4CsumReplace (the checksum at {@code sum}). */
    private void portRewrite(Header h, String in, int sum) {
        if (kind != PacketModel.Kind.TC || h.copy || random.nextInt(3) != 0 || h.stale) return;
        String port = fields.raw(h, field(h.type, "destinationPort"), "");
        s.append(in).append("short old").append(names).append(" = ").append(port).append(";\n");
        s.append(in).append(fields.write(h, field(h.type, "destinationPort"), value(), "v0")).append("\n");
        String flags = sum == 6 ? e.pick("2 | SkBuffContext.BPF_F_MARK_MANGLED_0", "2") : "2";
        s.append(in).append("acc += ctx.l4CsumReplace(l4 + ").append(sum).append(", old").append(names).append(" & 0xffff, ").append(port)
                .append(" & 0xffff, ").append(flags).append(");\n");
        names++;
        stale();
    }

    /** Sometimes a helper that changes the packet, inside the block just written. */
    private void helperIf(String in) {
        if (random.nextInt(4) == 0) helper(in);
    }

    /** A helper that changes the packet: head or tail moves in xdp, checksum updates in tc; every view goes stale. */
    private void helper(String in) {
        if (kind == PacketModel.Kind.SOCKET) return;
        String r = random.nextBoolean() ? "acc += " : "v" + random.nextInt(6) + " = ";
        if (kind == PacketModel.Kind.XDP) {
            String delta = switch (random.nextInt(4)) {
                case 0 -> e.pick("-4", "-8", "-14", "-2");
                case 1 -> e.pick("4", "8", "14", "20", "64");
                case 2 -> "(v" + random.nextInt(6) + " & 15) - 8";
                default -> "-" + e.pick("1", "3", "40");
            };
            s.append(in).append(r).append("ctx.adjust").append(random.nextBoolean() ? "Head" : "Tail").append("(").append(delta).append(");\n");
        } else {
            String offset = switch (random.nextInt(4)) {
                case 0 -> "off + 10";
                case 1 -> "l4 + " + e.pick("6", "16", "2");
                case 2 -> "v" + random.nextInt(6) + " & 63";
                default -> "off + " + e.pick("10", "11", "64");
            };
            String from = random.nextInt(4) == 0 ? "0" : e.intExpr(1) + " & 0xffff", to = e.intExpr(1);
            if (random.nextBoolean()) s.append(in).append(r).append("ctx.l3CsumReplace(").append(offset).append(", ").append(from).append(", ")
                    .append(to).append(", ").append(e.pick("2", "4", "0", "2", "4", "3")).append(");\n");
            else s.append(in).append(r).append("ctx.l4CsumReplace(").append(offset).append(", ").append(from).append(", ")
                    .append(to).append(", ").append(e.pick("2", "4", "0", "2 | SkBuffContext.BPF_F_MARK_MANGLED_0", "4 | SkBuffContext.BPF_F_PSEUDO_HDR",
                            "4 | SkBuffContext.BPF_F_PSEUDO_HDR | SkBuffContext.BPF_F_MARK_MANGLED_0", "1")).append(");\n");
        }
        stale();
        if (kind == PacketModel.Kind.XDP && random.nextBoolean()) {
            // read the front again after the move, as the kernel requires
            s.append(in).append("{\n");
            int mark = live.size();
            Header again = header(ETHERNET, in + "    ", "0");
            reads(again, in + "    ", 1 + random.nextInt(2));
            writes(again, in + "    ");
            close(in, mark);
        }
    }

    /** Counts into the hash map keyed by packet fields, and into the array map's slots. */
    private void counters(String in, int n) {
        for (int k = 0; k < n; k++) {
            String key = "(long) " + e.pick("proto << 16 | " + e.pick(INTS) + " & 0xffff", "type", e.pick(INTS), "l4", "(" + e.intExpr(1) + ") & 0xff");
            switch (random.nextInt(5)) {
                case 0 -> s.append(in).append("m.increment(").append(key).append(");\n");
                case 1 -> s.append(in).append("m.add(").append(key).append(", ").append(random.nextBoolean() ? "ctx.length()" : e.longExpr(1)).append(");\n");
                case 2 -> {
                    String c = "c" + names++;
                    s.append(in).append("Long ").append(c).append(" = m.lookup(").append(key).append(");\n");
                    s.append(in).append("if (").append(c).append(" != null) acc += ").append(c).append(";\n");
                }
                case 3 -> s.append(in).append("acc -= m.update(").append(key).append(", ").append(e.longExpr(1)).append(");\n");
                default -> {
                    int slot = random.nextInt(SLOTS);
                    String value = random.nextBoolean() ? "acc" : e.longExpr(2);
                    s.append(in).append(java ? "out[" + slot + "] = " + value + ";\n" : "out.update(" + slot + ", " + value + ");\n");
                }
            }
        }
    }

    /** A verdict: a constant action, a choice on what was read, or a number computed from it. */
    private String verdict() {
        return switch (random.nextInt(5)) {
            case 0 -> "(" + e.condition(1) + " ? " + action() + " : " + action() + ")";
            case 1 -> "(int) (" + e.longExpr(1) + " & 7)";
            default -> action();
        };
    }

    /** One of the program kind's actions by name, or in the Java copy by value. */
    private String action() {
        return switch (kind) {
            case XDP -> java ? e.pick("2", "1", "3", "0") : e.pick("XdpContext.XDP_PASS", "XdpContext.XDP_DROP", "XdpContext.XDP_TX", "XdpContext.XDP_ABORTED");
            case TC -> java ? e.pick("0", "2", "-1") : e.pick("SkBuffContext.TC_ACT_OK", "SkBuffContext.TC_ACT_SHOT", "SkBuffContext.TC_ACT_UNSPEC");
            case SOCKET -> e.pick("ctx.length()", "0", "64");
        };
    }

    /** Marks every header read so far stale: a helper may have moved the packet. */
    private void stale() {
        for (Header h : live) if (!h.copy) h.stale = true;
    }

    /** Closes a block opened at {@code in}, forgetting the headers declared in it. */
    private void close(String in, int mark) {
        live.subList(mark, live.size()).clear();
        s.append(in).append("}\n");
    }
}
