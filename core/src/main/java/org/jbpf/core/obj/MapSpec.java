package org.jbpf.core.obj;

/**
 * A map an object declares. {@code btfKeyType}/{@code btfValueType} are type ids in the object's {@link
 * org.jbpf.core.btf.Btf}, or 0 when the map has no BTF for them.
 */
public record MapSpec(String name, int type, int keySize, int valueSize, int maxEntries, int flags,
                      int btfKeyType, int btfValueType, Pinning pinning) {
    public enum Pinning { NONE, BY_NAME }

    public MapSpec(String name, int type, int keySize, int valueSize, int maxEntries, int flags, int btfKeyType, int btfValueType) {
        this(name, type, keySize, valueSize, maxEntries, flags, btfKeyType, btfValueType, Pinning.NONE);
    }

    /**
     * True for maps that hold the object's own machinery rather than the probe's data: global variable sections
     * ({@code .bss}, {@code .data}, {@code .rodata}), the ring buffer drop counters ({@link RingBufferDrops}) and the
     * counters of keys full maps refused ({@link MapInsertDrops});
     * printers, metrics and JMX leave them out.
     */
    public boolean internal() {
        return name.startsWith(".") || name.equals(RingBufferDrops.MAP_NAME) || name.equals(MapInsertDrops.MAP_NAME);
    }
}
