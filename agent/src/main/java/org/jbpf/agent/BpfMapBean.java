package org.jbpf.agent;

import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeDataSupport;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.OpenDataException;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.SimpleType;
import javax.management.openmbean.TabularDataSupport;
import javax.management.openmbean.TabularType;
import org.jbpf.core.btf.Btf;
import org.jbpf.core.btf.BtfType;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.MapTypes;
import org.jbpf.runtime.BpfMap;
import org.jbpf.toolchain.MapText;

/** Reads one loaded map for JMX; every read goes to the kernel, so tools see live values. */
final class BpfMapBean implements BpfMapMBean {
    static final String DOMAIN = "org.jbpf";

    private final BpfObject object;
    private final BpfMap<byte[], byte[]> map;
    private final boolean numericKey, numericValue;
    private final TabularType entriesType;

    BpfMapBean(BpfObject object, BpfMap<byte[], byte[]> map) {
        this.object = object;
        this.map = map;
        this.numericKey = isNumber(object.btf(), map.spec().btfKeyType(), map.spec().keySize());
        this.numericValue = isNumber(object.btf(), map.spec().btfValueType(), map.spec().valueSize());
        try {
            CompositeType row = new CompositeType("entry", "one entry of " + map.name(), new String[] {"key", "value"},
                    new String[] {"the key", "the value (per-CPU values summed)"},
                    new OpenType<?>[] {numericKey ? SimpleType.LONG : SimpleType.STRING, numericValue ? SimpleType.LONG : SimpleType.STRING});
            this.entriesType = new TabularType("entries", "entries of " + map.name(), row, new String[] {"key"});
        } catch (OpenDataException e) {
            throw new IllegalStateException("open types of map " + map.name() + ": " + e.getMessage(), e);
        }
    }

    /** Keys and values up to 8 bytes without a struct type are integers; MapText shows the others as text. */
    private static boolean isNumber(Btf btf, int typeId, int size) {
        if (size > 8) return false;
        if (btf == null || typeId == 0) return true;
        try {
            return !(btf.type(btf.resolve(typeId)) instanceof BtfType.Struct);
        } catch (RuntimeException e) {
            return true;
        }
    }

    ObjectName objectName() throws MalformedObjectNameException {
        return new ObjectName(DOMAIN + ":type=map,probe=" + object.name() + ",name=" + map.name());
    }

    @Override public String getName() { return map.name(); }
    @Override public String getProbe() { return object.name(); }
    @Override public String getType() { return MapTypes.name(map.spec().type()); }
    @Override public int getKeySize() { return map.spec().keySize(); }
    @Override public int getValueSize() { return map.spec().valueSize(); }
    @Override public int getMaxEntries() { return map.maxEntries(); }

    @Override public int getSize() {
        return readable() ? map.size() : 0;
    }

    @Override public TabularDataSupport getEntries() {
        TabularDataSupport out = new TabularDataSupport(entriesType);
        if (!readable()) return out;
        for (MapText.Entry e : MapText.entries(map, object.btf())) {
            Object key = numericKey ? (Object) number(e) : e.key();
            Object value = numericValue ? (Object) Long.parseLong(e.value()) : e.value();
            try {
                out.put(new CompositeDataSupport(entriesType.getRowType(), new String[] {"key", "value"}, new Object[] {key, value}));
            } catch (OpenDataException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
        return out;
    }

    /** An integer key as a number, also when its text is a name (a syscall's, for maps marked {@code @Syscall}). */
    private static long number(MapText.Entry e) {
        try {
            return Long.parseLong(e.key());
        } catch (NumberFormatException named) {
            return e.keyNumber();
        }
    }

    @Override public void clear() {
        if (!readable()) throw new UnsupportedOperationException(map.name() + " is a " + getType() + " map; it has no entries to clear");
        map.clear();
    }

    @Override public boolean delete(long key) {
        if (!readable()) throw new UnsupportedOperationException(map.name() + " is a " + getType() + " map; it has no entries to delete");
        if (!numericKey) throw new UnsupportedOperationException(map.name() + " has struct keys; delete takes integer keys");
        byte[] k = new byte[map.spec().keySize()];
        for (int i = 0; i < k.length; i++) k[i] = (byte) (key >>> (8 * i));
        return map.remove(k);
    }

    private boolean readable() {
        int t = map.spec().type();
        return t != MapTypes.PERF_EVENT_ARRAY && t != MapTypes.RINGBUF && t != MapTypes.STACK_TRACE;
    }
}
