package org.jbpf.agent;

import java.util.LinkedHashMap;
import java.util.Map;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import org.jbpf.cli.MapText;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.MapTypes;
import org.jbpf.runtime.BpfMap;

/** Reads one loaded map for JMX; every read goes to the kernel, so tools see live values. */
final class BpfMapBean implements BpfMapMXBean {
    static final String DOMAIN = "org.jbpf";

    private final BpfObject object;
    private final BpfMap<byte[], byte[]> map;

    BpfMapBean(BpfObject object, BpfMap<byte[], byte[]> map) {
        this.object = object;
        this.map = map;
    }

    ObjectName objectName() throws MalformedObjectNameException {
        return new ObjectName(DOMAIN + ":type=map,probe=" + object.name()
                + ",name=" + map.name());
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

    @Override public Map<String, String> getEntries() {
        Map<String, String> out = new LinkedHashMap<>();
        if (readable()) for (MapText.Entry e : MapText.entries(map, object.btf())) out.put(e.key(), e.value());
        return out;
    }

    private boolean readable() {
        int t = map.spec().type();
        return t != MapTypes.PERF_EVENT_ARRAY && t != MapTypes.RINGBUF && t != MapTypes.STACK_TRACE;
    }
}
