package org.jbpf.translator.intrinsic;

import static org.jbpf.core.asm.Opcodes.*;

import org.jbpf.core.helper.HelperTable;
import org.jbpf.core.obj.MapTypes;
import org.jbpf.core.program.SectionKind;
import org.jbpf.core.program.SectionKinds;
import org.jbpf.translator.analysis.Value;
import org.jbpf.translator.frontend.MapDecl;
import org.jbpf.translator.frontend.StructRegistry;
import org.jbpf.translator.frontend.ValueType;
import org.jbpf.translator.lower.Addr;
import org.jbpf.translator.lower.Emitter;
import org.jbpf.translator.lower.Operand;
import org.jbpf.translator.mir.Mir;

/**
 * The packet helpers called on the context: {@code load} (a stack copy of a header through bpf_skb_load_bytes, or
 * bpf_xdp_load_bytes in xdp programs, null when the packet is shorter), {@code store}, {@code l3CsumReplace}, {@code l4CsumReplace} and {@code redirect} of
 * socket and tc programs, {@code adjustHead}, {@code adjustTail} and {@code redirect} of xdp programs; and
 * {@code DevMap.redirect} (bpf_redirect_map), which {@link MapCalls} hands here.
 */
public final class PacketHelperCalls implements Intrinsic {
    private static final String XDP = "org/jbpf/XdpContext", SKB = "org/jbpf/SkBuffContext", ETHERNET = "org/jbpf/net/Ethernet",
            FIB_LOOKUP = "org/jbpf/net/FibLookup";
    /** {@code start_header} of bpf_skb_load_bytes_relative: offsets count from the network header. */
    private static final int BPF_HDR_START_NET = 1;

    /** True for the calls this family implements. */
    static boolean handles(String owner, String name) {
        if (owner.equals(XDP)) return name.equals("adjustHead") || name.equals("adjustTail") || name.equals("adjustMeta") || name.equals("redirect")
                || name.equals("load") || name.equals("fibLookup");
        if (owner.equals(SKB)) return name.equals("load") || name.equals("store") || name.equals("l3CsumReplace")
                || name.equals("l4CsumReplace") || name.equals("redirect") || name.equals("fibLookup") || name.equals("redirectNeigh");
        return false;
    }

    @Override
    public Value type(TypingCall c) {
        if (!(c.receiver() instanceof Value.Ctx ctx))
            throw c.error("packet methods can only be called on the program's context parameter");
        String name = c.insn().name;
        boolean socket = SectionKinds.ofSection(ctx.section()) == SectionKind.SOCKET;
        for (int k = 0; k < c.args().size(); k++)
            if (!(c.args().get(k) instanceof Value.Scalar) && !(name.equals("load") && k == 1) && !(name.equals("store") && k == 1)
                    && !(name.equals("fibLookup") && k == 0))
                throw c.error(name + " needs a number as argument " + (k + 1) + ", not " + c.args().get(k).describe());
        switch (name) {
            case "load": {
                if (!(c.args().get(1) instanceof Value.ClassConst cls))
                    throw c.error("load needs a class literal of a @Struct header, e.g. ctx.load(0, Ipv4.class)");
                ValueType.Struct s = c.structs().struct(cls.internalName());
                if (s == null)
                    throw c.error(cls.internalName().replace('/', '.') + " is not a @Struct class; packet headers are @Struct classes such as org.jbpf.net.Ipv4");
                if (socket && cls.internalName().equals(ETHERNET) && c.args().get(0) instanceof Value.Scalar at && Long.valueOf(0).equals(at.constant()))
                    throw c.error("ctx.load(0, Ethernet.class) in socket filter section \"" + ctx.section() + "\" would read the IP header: a socket"
                            + " filter's offsets count from the network header, on a packet socket too; take the ether type from ctx.protocol()"
                            + " and load Ipv4 or Ipv6 at 0");
                return new Value.Ptr(s, true, c.site(), "load(.., " + StructRegistry.simple(cls.internalName()) + ".class)", false);
            }
            case "fibLookup": {
                if (socket)
                    throw c.error("ctx.fibLookup(..) in socket filter section \"" + ctx.section() + "\": the kernel lets only xdp and tc programs look routes up");
                Value v = c.args().get(0);
                if (v instanceof Value.Ptr p && p.nullable()) throw c.error(p.origin() + " may be null here; test it against null before fibLookup");
                if (!(Arguments.target(v) instanceof ValueType.Struct s) || !s.internalName().equals(FIB_LOOKUP))
                    throw c.error("fibLookup needs an org.jbpf.net.FibLookup to ask and answer in, e.g. new FibLookup(), not " + v.describe());
                return new Value.Scalar(false, null);
            }
            case "store": case "l3CsumReplace": case "l4CsumReplace": case "redirect": case "redirectNeigh":
                if (socket)
                    throw c.error("ctx." + name + "(..) in socket filter section \"" + ctx.section() + "\": the kernel lets only tc programs "
                            + (name.startsWith("redirect") ? "redirect packets" : "change packets") + "; a socket filter can read with ctx.load(..) and keep or drop");
                if (!name.startsWith("redirect")) forgetHeaders(c, name);
                if (name.equals("store")) {
                    Value v = c.args().get(1);
                    if (v instanceof Value.Ptr p && p.nullable()) throw c.error(p.origin() + " may be null here; test it against null before store");
                    if (!(Arguments.target(v) instanceof ValueType.Struct))
                        throw c.error("store needs a @Struct header to write, e.g. a copy from ctx.load(..), not " + v.describe());
                }
                return new Value.Scalar(false, null);
            default:
                forgetHeaders(c, name);
                return new Value.Scalar(false, null);
        }
    }

    /** How a header pointer read before a call that may move the packet reads afterwards, in messages. */
    public static final String STALE_HEADER = "a packet header read before ";

    /**
     * The kernel forgets every packet pointer at a call that may move or resize the packet: header pointers held in
     * locals become unusable, and a later read of one is refused at its line with this call named.
     */
    private static void forgetHeaders(TypingCall c, String call) {
        var f = c.frame();
        int line = c.method().lines[c.index()];
        String why = STALE_HEADER + "ctx." + call + "(..)" + (line > 0 ? " on line " + line : "") + ", which may move the packet; read the header again with ctx.header(..) after that call";
        for (int i = 0; i < f.locals.length; i++)
            if (f.locals[i] instanceof Value.Ptr p && inPacket(p)) f.locals[i] = new Value.Top(why);
        for (int i = 0; i < f.stack.size(); i++)
            if (f.stack.get(i) instanceof Value.Ptr p && inPacket(p)) f.stack.set(i, new Value.Top(why));
    }

    /** A view into the packet or its metadata area, which a call that moves the packet makes stale. */
    private static boolean inPacket(Value.Ptr p) { return p.origin().startsWith("header(") || p.origin().startsWith("meta("); }

    @Override
    public void lower(LoweringCall c) {
        Emitter out = c.out();
        String name = c.insn().name;
        Operand ctx = c.receiver();
        switch (name) {
            case "load":
                lowerLoad(c, ctx, SectionKinds.ofSection(((Value.Ctx) c.receiverValue()).section()));
                return;
            case "store": {
                out.setArg(R1, ctx, true);
                out.setArg(R2, c.args().get(0), false);
                out.setArgAddr(R3, c.address(1));
                out.setArgImm(R4, Arguments.target(c.values().get(1)).size());
                out.setArg(R5, c.args().get(2), false);
                c.pushResult(out.call(HelperTable.SKB_STORE_BYTES, 5));
                return;
            }
            case "l3CsumReplace": case "l4CsumReplace": {
                out.setArg(R1, ctx, true);
                out.setArg(R2, c.args().get(0), false);
                out.setArg(R3, c.args().get(1), true);
                out.setArg(R4, c.args().get(2), true);
                out.setArg(R5, c.args().get(3), false);
                c.pushResult(out.call(name.equals("l3CsumReplace") ? HelperTable.L3_CSUM_REPLACE : HelperTable.L4_CSUM_REPLACE, 5));
                return;
            }
            case "redirect": {
                out.setArg(R1, c.args().get(0), false);
                out.setArg(R2, c.args().get(1), false);
                c.pushResult(out.call(HelperTable.REDIRECT, 2));
                return;
            }
            case "redirectNeigh": {
                // no next hop of the program's own (params NULL, plen 0): the kernel looks it up
                out.setArg(R1, c.args().get(0), false);
                out.setArgImm(R2, 0);
                out.setArgImm(R3, 0);
                out.setArg(R4, c.args().get(1), false);
                c.pushResult(out.call(HelperTable.REDIRECT_NEIGH, 4));
                return;
            }
            case "fibLookup": {
                out.setArg(R1, ctx, true);
                out.setArgAddr(R2, c.address(0));
                out.setArgImm(R3, Arguments.target(c.values().get(0)).size());
                out.setArg(R4, c.args().get(1), false);
                c.pushResult(out.call(HelperTable.FIB_LOOKUP, 4));
                return;
            }
            case "adjustHead": case "adjustTail": case "adjustMeta": {
                out.setArg(R1, ctx, true);
                out.setArg(R2, c.args().get(0), false);
                c.pushResult(out.call(name.equals("adjustHead") ? HelperTable.XDP_ADJUST_HEAD
                        : name.equals("adjustMeta") ? HelperTable.XDP_ADJUST_META : HelperTable.XDP_ADJUST_TAIL, 2));
                return;
            }
            default: throw c.error("unsupported packet call " + name);
        }
    }

    /**
     * bpf_skb_load_bytes into a stack area of the header's size; the result points there, or is null on failure. A
     * socket filter's skb may start past the network header (a UDP socket's starts at the UDP header), so there the
     * offset is taken from the network header with bpf_skb_load_bytes_relative. An xdp program copies with
     * bpf_xdp_load_bytes, which reads the fragments of a multi-buffer frame too.
     */
    private static void lowerLoad(LoweringCall c, Operand ctx, SectionKind kind) {
        boolean socket = kind == SectionKind.SOCKET;
        Emitter out = c.out();
        int size = ((ValueType.Struct) ((Value.Ptr) c.result()).target()).size();
        int area = out.allocate((size + 7) / 8 * 8, 8);
        out.setArg(R1, ctx, true);
        out.setArg(R2, c.args().get(0), false);
        out.setArgAddr(R3, new Addr(R10, area));
        out.setArgImm(R4, size);
        if (socket) out.setArgImm(R5, BPF_HDR_START_NET);
        int rc = socket ? out.call(HelperTable.SKB_LOAD_BYTES_RELATIVE, 5)
                : out.call(kind == SectionKind.XDP ? HelperTable.XDP_LOAD_BYTES : HelperTable.SKB_LOAD_BYTES, 4);
        Mir.Label failed = out.newLabel(), done = out.newLabel();
        int result = out.newVreg();
        out.jumpIf(JMP | JNE | K, rc, 0, 0, failed);
        out.mov64(result, R10);
        out.emit(ALU64 | ADD | K, result, 0, 0, area);
        out.jump(done);
        out.placeLabel(failed);
        out.loadImm(result, 0, true);
        out.placeLabel(done);
        c.pushResult(result);
    }

    /** {@code devices.redirect(slot, flags)} on a DevMap, CpuMap or XskMap: an int slot and int flags. */
    static Value typeRedirectMap(TypingCall c, MapDecl map) {
        String kind = map.mapType() == MapTypes.CPUMAP ? "CpuMap" : map.mapType() == MapTypes.XSKMAP ? "XskMap" : "DevMap";
        if (!c.insn().name.equals("redirect"))
            throw c.error(kind + " " + map.name() + " has no operation " + c.insn().name + " in BPF programs; use " + map.name() + ".redirect(slot, flags)");
        for (Value v : c.args())
            if (!(v instanceof Value.Scalar)) throw c.error(map.name() + ".redirect needs an int slot and int flags, not " + v.describe());
        return new Value.Scalar(false, null);
    }

    static void lowerRedirectMap(LoweringCall c, MapDecl map) {
        Emitter out = c.out();
        out.setArgMap(R1, map);
        out.setArg(R2, c.args().get(0), false);
        out.setArg(R3, c.args().get(1), false);
        c.pushResult(out.call(HelperTable.REDIRECT_MAP, 3));
    }
}
