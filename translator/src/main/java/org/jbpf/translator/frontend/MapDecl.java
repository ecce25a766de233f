package org.jbpf.translator.frontend;

import org.jbpf.core.obj.MapTypes;

/**
 * A map declared by a static final field of the probe class.
 *
 * @param name       field name, which is also the map's name
 * @param className  internal name of the declaring map class, e.g. {@code org/jbpf/maps/HashMap}
 * @param mapType    kernel map type
 * @param key        key type, or null for maps without typed keys (perf event array, ring buffer, stack traces)
 * @param value      value type, or null likewise
 * @param maxEntries max_entries (bytes for a ring buffer)
 */
public record MapDecl(String name, String className, int mapType, ValueType key, ValueType value, int maxEntries) {

    public String simpleClassName() { return className.substring(className.lastIndexOf('/') + 1); }

    public int keySize() {
        if (key != null) return key.size();
        switch (mapType) {
            case MapTypes.PERF_EVENT_ARRAY:
            case MapTypes.STACK_TRACE: return 4;
            default: return 0;
        }
    }

    public int valueSize() {
        if (value != null) return value.size();
        switch (mapType) {
            case MapTypes.PERF_EVENT_ARRAY: return 4;
            case MapTypes.STACK_TRACE: return 8 * 127;
            default: return 0;
        }
    }
}
