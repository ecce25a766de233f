package org.jbpf.translator.intrinsic;

import static org.jbpf.core.asm.Opcodes.*;

import org.jbpf.core.layout.StructLayout.Kind;
import org.jbpf.core.program.SectionKind;
import org.jbpf.core.program.SectionKinds;
import org.jbpf.translator.analysis.Value;
import org.jbpf.translator.frontend.StructRegistry;
import org.jbpf.translator.frontend.ValueType;
import org.jbpf.translator.lower.Emitter;
import org.jbpf.translator.lower.Operand;
import org.jbpf.translator.mir.Mir;

/**
 * Packet access of xdp and tc programs: {@code header(offset, Type.class)} and {@code XdpContext.length()} on the
 * context, and the byte-order conversions of {@code org.jbpf.net.Net}. A header is a pointer into the packet that is
 * null unless {@code data + offset + size <= data_end}; that comparison is the one the kernel's verifier needs to
 * allow reads through the pointer, so a program that tests the header against null can never read past the packet.
 * {@code meta(Type.class)} is the same for the metadata area in front of the packet: {@code data_meta + size <= data}.
 */
final class PacketCalls implements Intrinsic {
    static final String NET = "org/jbpf/net/Net";
    /** The verifier refuses packet offsets above this (MAX_PACKET_OFF). */
    private static final int MAX_OFFSET = 0xffff;

    /** True for the calls this family implements. */
    static boolean handles(String owner, String name) {
        if (owner.equals(NET)) return true;
        return (name.equals("header") || name.equals("meta")) && (owner.equals("org/jbpf/XdpContext") || owner.equals("org/jbpf/SkBuffContext"))
                || owner.equals("org/jbpf/XdpContext") && name.equals("length");
    }

    @Override
    public Value type(TypingCall c) {
        String name = c.insn().name;
        if (c.insn().owner.equals(NET)) {
            if (!(c.args().get(0) instanceof Value.Scalar)) throw c.error("Net." + name + " needs a number");
            return new Value.Scalar(false, null);
        }
        if (!(c.receiver() instanceof Value.Ctx))
            throw c.error("packet methods can only be called on the program's context parameter");
        if (name.equals("length")) return new Value.Scalar(false, null);
        if (SectionKinds.ofSection(((Value.Ctx) c.receiver()).section()) == SectionKind.SOCKET)
            throw c.error("ctx.header(..) in socket filter section \"" + ((Value.Ctx) c.receiver()).section()
                    + "\": the kernel gives socket filters no packet pointers; copy the header with ctx.load(offset, Type.class) instead");
        if (name.equals("meta")) {
            if (!(c.args().get(0) instanceof Value.ClassConst cls))
                throw c.error("meta needs a class literal of a @Struct, e.g. ctx.meta(Mark.class)");
            ValueType.Struct s = c.structs().struct(cls.internalName());
            if (s == null) throw c.error(cls.internalName().replace('/', '.') + " is not a @Struct class; the metadata area is read as a @Struct");
            return new Value.Ptr(s, true, c.site(), "meta(" + StructRegistry.simple(cls.internalName()) + ".class)", false);
        }
        if (!(c.args().get(0) instanceof Value.Scalar))
            throw c.error("header needs an int offset, not " + c.args().get(0).describe());
        if (!(c.args().get(1) instanceof Value.ClassConst cls))
            throw c.error("header needs a class literal of a @Struct header, e.g. ctx.header(0, Ethernet.class)");
        ValueType.Struct s = c.structs().struct(cls.internalName());
        if (s == null)
            throw c.error(cls.internalName().replace('/', '.') + " is not a @Struct class; packet headers are @Struct classes such as org.jbpf.net.Ipv4");
        return new Value.Ptr(s, true, c.site(), "header(.., " + StructRegistry.simple(cls.internalName()) + ".class)", false);
    }

    @Override
    public void lower(LoweringCall c) {
        Emitter out = c.out();
        String name = c.insn().name;
        if (c.insn().owner.equals(NET)) {
            lowerByteOrder(c, name);
            return;
        }
        int ctx = ((Operand.Reg) c.receiver()).reg();
        boolean xdp = c.insn().owner.equals("org/jbpf/XdpContext");
        if (name.equals("meta")) {
            lowerMeta(c, ctx, xdp);
            return;
        }
        // xdp_md.data/data_end at 0/4, __sk_buff.data/data_end at 76/80; the kernel turns these loads into pointers
        int data = out.newVreg(), end = name.equals("length") ? out.newVreg() : out.packetEnd();
        out.load(data, Kind.INT, ctx, xdp ? 0 : 76);
        out.load(end, Kind.INT, ctx, xdp ? 4 : 80);
        if (name.equals("length")) {
            // an int, so a 32-bit difference: zero-extended, as the passes know of any 32-bit result; the verifier
            // allows a privileged program to subtract pointers in 32 bits and makes the difference an unknown number
            int len = out.newVreg();
            out.mov64(len, end);
            out.emit(ALU | SUB | X, len, data, 0, 0);
            c.pushResult(len);
            return;
        }
        int size = ((ValueType.Struct) ((Value.Ptr) c.result()).target()).size();
        Operand offset = c.args().get(0);
        Mir.Label isNull = out.newLabel(), done = out.newLabel();
        int header = out.newVreg(), result = out.newVreg();
        out.mov64(header, data);
        if (offset instanceof Operand.Imm k) {
            if (k.value() < 0 || k.value() + size > MAX_OFFSET)
                throw c.error("packet offset " + k.value() + " is outside 0.." + (MAX_OFFSET - size) + " for a header of " + size + " bytes");
            if (k.value() != 0) out.emit(ALU64 | ADD | K, header, 0, 0, k.value());
        } else {
            // the verifier only trusts a comparison with data_end when the offset plus the size is provably at most
            // MAX_PACKET_OFF, however the offset was computed; a negative int is a huge unsigned value here
            int off = out.newVreg();
            out.emit(ALU | MOV | X, off, ((Operand.Reg) offset).reg(), 0, 0);
            out.jumpIf(JMP | JGT | K, off, 0, MAX_OFFSET - size, isNull);
            out.emit(ALU64 | ADD | X, header, off, 0, 0);
        }
        int last = out.newVreg();
        out.mov64(last, header);
        out.emit(ALU64 | ADD | K, last, 0, 0, size);
        out.jumpIf(JMP | JGT | X, last, end, 0, isNull);
        out.mov64(result, header);
        out.jump(done);
        out.placeLabel(isNull);
        out.loadImm(result, 0, true);
        out.placeLabel(done);
        c.pushResult(result);
    }

    /**
     * The metadata area as a struct: xdp_md.data_meta/data at 8/0, __sk_buff.data_meta/data at 140/76; null unless
     * {@code data_meta + size <= data}, the comparison the verifier needs for reads through a metadata pointer.
     */
    private static void lowerMeta(LoweringCall c, int ctx, boolean xdp) {
        Emitter out = c.out();
        int meta = out.newVreg(), data = out.newVreg(), last = out.newVreg(), result = out.newVreg();
        out.load(meta, Kind.INT, ctx, xdp ? 8 : 140);
        out.load(data, Kind.INT, ctx, xdp ? 0 : 76);
        int size = ((ValueType.Struct) ((Value.Ptr) c.result()).target()).size();
        Mir.Label isNull = out.newLabel(), done = out.newLabel();
        out.mov64(last, meta);
        out.emit(ALU64 | ADD | K, last, 0, 0, size);
        out.jumpIf(JMP | JGT | X, last, data, 0, isNull);
        out.mov64(result, meta);
        out.jump(done);
        out.placeLabel(isNull);
        out.loadImm(result, 0, true);
        out.placeLabel(done);
        c.pushResult(result);
    }

    /** ntohs/ntohl/htons/htonl: one byte swap (big-endian conversion on this little-endian target). */
    private static void lowerByteOrder(LoweringCall c, String name) {
        Emitter out = c.out();
        boolean wide = name.endsWith("l");
        Operand arg = c.args().get(0);
        if (arg instanceof Operand.Imm k) {
            long v = k.value();
            long r = switch (name) {
                case "ntohs" -> Short.reverseBytes((short) v) & 0xffff;
                case "htons" -> Short.reverseBytes((short) v);
                default -> Integer.reverseBytes((int) v);
            };
            c.body().push(new Operand.Imm(r));
            return;
        }
        int t = out.newVreg();
        out.mov64(t, ((Operand.Reg) arg).reg());
        out.emit(ALU | END | TO_BE, t, 0, 0, wide ? 32 : 16);
        if (name.equals("htons")) {
            // a Java short is sign-extended
            out.emit(ALU64 | LSH | K, t, 0, 0, 48);
            out.emit(ALU64 | ARSH | K, t, 0, 0, 48);
        }
        c.pushResult(t);
    }
}
