package org.jbpf.sim.verifier;

import java.util.Objects;
import org.jbpf.core.obj.MapSpec;

/**
 * One register's abstract value. For a scalar {@code value} is its range; for a pointer {@code off} is the
 * fixed offset from the object's start and {@code value} the variable part of the offset.
 *
 * @param id     shared by copies of one nullable pointer (so a null test refines all of them) or of one packet pointer;
 *               on a scalar, its link with copies ({@link ScalarLinks}), whose delta is then {@code off}
 * @param refId  the acquired reference a ring buffer record holds, 0 if none
 * @param size   bytes the pointer may reach: value size of a map value, record size of ring buffer memory
 * @param range  for packet pointers: bytes after the pointer proven to lie before data_end
 * @param frame  for stack pointers: the call frame whose stack it points into
 */
public record RegState(RegType type, ScalarBounds value, int off, MapSpec map, int id, int refId, int size,
                       int range, int frame) {

    public static final RegState NOT_INIT = new RegState(RegType.NOT_INIT, ScalarBounds.UNKNOWN, 0, null, 0, 0, 0, 0, 0);
    public static final RegState UNKNOWN_SCALAR = scalar(ScalarBounds.UNKNOWN);

    public static RegState scalar(ScalarBounds v) { return new RegState(RegType.SCALAR, v, 0, null, 0, 0, 0, 0, 0); }
    public static RegState constant(long v) { return scalar(ScalarBounds.constant(v)); }
    public static RegState pointer(RegType type, int off) {
        return new RegState(type, ScalarBounds.constant(0), off, null, 0, 0, 0, 0, 0);
    }
    public static RegState stackPointer(int frame, int off) {
        return new RegState(RegType.STACK, ScalarBounds.constant(0), off, null, 0, 0, 0, 0, frame);
    }

    public boolean isScalar() { return type == RegType.SCALAR; }
    public boolean isInit() { return type != RegType.NOT_INIT; }
    public boolean isConst() { return isScalar() && value.isConst(); }
    public boolean hasFixedOffset() { return value.isConst(); }

    public RegState withType(RegType t) { return new RegState(t, value, off, map, id, refId, size, range, frame); }
    public RegState withValue(ScalarBounds v) { return new RegState(type, v, off, map, id, refId, size, range, frame); }
    public RegState withOff(int o) { return new RegState(type, value, o, map, id, refId, size, range, frame); }
    public RegState withMap(MapSpec m, int valueSize) { return new RegState(type, value, off, m, id, refId, valueSize, range, frame); }
    public RegState withId(int i) { return new RegState(type, value, off, map, i, refId, size, range, frame); }
    public RegState withRefId(int r) { return new RegState(type, value, off, map, id, r, size, range, frame); }
    public RegState withSize(int s) { return new RegState(type, value, off, map, id, refId, s, range, frame); }
    public RegState withRange(int r) { return new RegState(type, value, off, map, id, refId, size, r, frame); }

    /**
     * True when this (newly reached) register is safe wherever {@code old} (already verified) was: a register
     * the old state never initialised is assumed read somewhere, so it must match exactly.
     */
    public boolean safeWhere(RegState old) { return safeWhere(old, new ScalarLinks()); }

    /** As {@link #safeWhere(RegState)}, with the scalar links of the two states paired in {@code links}. */
    boolean safeWhere(RegState old, ScalarLinks links) {
        if (old.type == RegType.NOT_INIT) return true;
        if (type != old.type) return false;
        if (type == RegType.SCALAR) return value.within(old.value) && links.match(old, this);
        // ids and references as the kernel pairs them: the same up to their numbering (a new iterator each round)
        return off == old.off && value.within(old.value) && Objects.equals(map, old.map) && size == old.size
                && range >= old.range && frame == old.frame && links.pointerIds.pair(old.refId, refId)
                && (!type.maybeNull() && !type.isPacket() || links.pointerIds.pair(old.id, id));
    }

    /**
     * As {@link #safeWhere(RegState, ScalarLinks)} where the kernel compares a loop's states (RANGE_WITHIN): a register
     * old had not set must not be set here either, and scalars always compare by their ranges.
     */
    boolean withinRange(RegState old, ScalarLinks links) {
        if (old.type == RegType.NOT_INIT) return type == RegType.NOT_INIT;
        return safeWhere(old, links);
    }

    /** True when {@code o} is this register exactly, its ids paired with this one's by {@code ids}. */
    boolean sameAs(RegState o, IdPairs ids) {
        return type == o.type && value.equals(o.value) && off == o.off && Objects.equals(map, o.map) && size == o.size
                && range == o.range && frame == o.frame && ids.pair(id, o.id) && ids.pair(refId, o.refId);
    }

    /** The description the kernel log gives, e.g. {@code map_value(off=0,ks=4,vs=8)}. */
    public String describe() {
        if (type == RegType.SCALAR) return "scalar" + value;
        if (type == RegType.NOT_INIT) return "?";
        StringBuilder b = new StringBuilder(type.logName).append("(");
        if (off != 0) b.append("off=").append(off).append(',');
        if (!value.isConst()) b.append("var=").append(value).append(',');
        if (map != null) b.append("map=").append(map.name()).append(',');
        if (size != 0) b.append("sz=").append(size).append(',');
        if (b.charAt(b.length() - 1) == ',') b.setLength(b.length() - 1);
        return b.append(')').toString();
    }

    @Override public String toString() { return describe(); }
}
