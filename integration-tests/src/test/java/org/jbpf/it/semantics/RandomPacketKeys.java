package org.jbpf.it.semantics;

import static org.jbpf.it.semantics.PacketFields.IPV4;
import static org.jbpf.it.semantics.PacketFields.field;

import java.util.Random;
import org.jbpf.it.semantics.PacketFields.Header;

/**
 * The map keys a packet probe builds from what it read ({@link RandomPackets} from version
 * {@link RandomPackets#MAP_KEYS}): an {@code Ipv4Prefix} of the packet's source or destination address for a
 * longest-prefix-match map, looked up at full length or stored and deleted at a length computed from the packet
 * (the address masked to it, or not, as writers do both), and a {@code Flow} struct of an address, a port, the
 * protocol and a tag for an LRU hash map, counted, added to, read, written and deleted. The Java copy packs both keys
 * into longs ({@link PacketMapModels}).
 */
final class RandomPacketKeys {
    /** The probe's key struct and maps. */
    static final String PROBE_MAPS = "    @Struct\n    public static final class Flow {\n        public int address;\n        public short port;\n"
            + "        public byte proto;\n        public byte tag;\n    }\n"
            + "    public static final LpmTrie<Ipv4Prefix, Long> lpm = new LpmTrie<>(Ipv4Prefix.class, Long.class, 4096);\n"
            + "    public static final LruHashMap<Flow, Long> lru = new LruHashMap<>(Flow.class, Long.class, 4096);\n";
    /** The copy's models of them. */
    static final String JAVA_MAPS = "    public static final PacketMapModels.Lpm lpm = new PacketMapModels.Lpm(4096);\n"
            + "    public static final JavaSemantics.MapModel lru = new JavaSemantics.MapModel();\n";

    private final Random random;
    private final RandomExpressions e;
    private final PacketFields fields;
    private final boolean java;
    private final StringBuilder s;
    private final String[] ints;
    private int names;

    RandomPacketKeys(Random random, RandomExpressions e, PacketFields fields, boolean java, StringBuilder s, String[] ints) {
        this.random = random;
        this.e = e;
        this.fields = fields;
        this.java = java;
        this.s = s;
        this.ints = ints;
    }

    /** A lookup, an update or a delete in {@code lpm} keyed by an address of the IPv4 header {@code ip}. */
    void prefix(Header ip, String in) {
        int n = names++;
        String key = "pfx" + n, bits = "bits" + n, found = "lpm" + n;
        String address = fields.raw(ip, field(IPV4, random.nextBoolean() ? "source" : "destination"), "");
        int use = random.nextInt(20);
        if (use < 10) {
            String length = random.nextInt(4) == 0 ? "Math.min(" + e.pick(ints) + " & 0x3f, 32)" : "32";
            declare(in, key, length, address);
            s.append(in).append("Long ").append(found).append(" = lpm.lookup(").append(key).append(");\n");
            s.append(in).append("if (").append(found).append(" != null) acc ^= ").append(found).append(random.nextBoolean() ? "" : " << 3").append(";\n");
            return;
        }
        s.append(in).append("int ").append(bits).append(" = Math.min(").append(RandomExpressions.paren(e.intExpr(1))).append(" & 0x3f, 32);\n");
        String masked = random.nextInt(3) == 0 ? address : "Net.htonl(Net.ntohl(" + address + ") & (int) (-1L << (32 - " + bits + ")))";
        String statement = use < 17 ? "acc += lpm.update(" + key + ", " + e.longExpr(1) + ");" : "acc += lpm.delete(" + key + ");";
        declare(in, key, bits, masked);
        s.append(in).append(statement).append("\n");
    }

    private void declare(String in, String key, String length, String address) {
        s.append(in);
        if (java) {
            s.append("long ").append(key).append(" = PacketMapModels.prefix(").append(length).append(", ").append(address).append(");\n");
            return;
        }
        s.append("Ipv4Prefix ").append(key).append(" = new Ipv4Prefix();\n");
        s.append(in).append(key).append(".prefixLength = ").append(length).append(";\n");
        s.append(in).append(key).append(".address = ").append(address).append(";\n");
    }

    /** A count, sum, read, write or delete in {@code lru} keyed by a flow: an address, the port of {@code l4}, the protocol, a tag. */
    void flow(Header l4, String in) {
        String key = "flow" + names++;
        String address = random.nextBoolean() ? e.pick(ints) : "Integer.reverseBytes(" + e.pick(ints) + ")";
        String port = fields.raw(l4, field(l4.type, random.nextBoolean() ? "sourcePort" : "destinationPort"), "");
        String tag = random.nextInt(3) == 0 ? "0" : e.intExpr(1);
        s.append(in);
        if (java) s.append("long ").append(key).append(" = PacketMapModels.flow(").append(address).append(", ").append(port).append(", proto, ").append(tag).append(");\n");
        else {
            s.append("Flow ").append(key).append(" = new Flow();\n");
            s.append(in).append(key).append(".address = ").append(address).append(";\n");
            s.append(in).append(key).append(".port = ").append(port).append(";\n");
            s.append(in).append(key).append(".proto = (byte) proto;\n");
            s.append(in).append(key).append(".tag = (byte) ").append(RandomExpressions.paren(tag)).append(";\n");
        }
        switch (random.nextInt(5)) {
            case 0 -> s.append(in).append("lru.increment(").append(key).append(");\n");
            case 1 -> s.append(in).append("lru.add(").append(key).append(", ").append(random.nextBoolean() ? "ctx.length()" : e.longExpr(1)).append(");\n");
            case 2 -> {
                String found = "c" + key;
                s.append(in).append("Long ").append(found).append(" = lru.lookup(").append(key).append(");\n");
                s.append(in).append("if (").append(found).append(" != null) acc += ").append(found).append(";\n");
            }
            case 3 -> s.append(in).append("acc -= lru.update(").append(key).append(", ").append(e.longExpr(1)).append(");\n");
            default -> s.append(in).append("acc += lru.delete(").append(key).append(");\n");
        }
    }
}
