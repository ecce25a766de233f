package org.jbpf.agent;

import java.util.Map;

/** A BPF map of a probe, as JMX tools see it: {@code org.jbpf:type=map,probe=<class>,name=<field>}. */
public interface BpfMapMXBean {
    String getName();
    String getProbe();
    String getType();
    int getKeySize();
    int getValueSize();
    int getMaxEntries();
    /** Entries currently in the map. */
    int getSize();
    /** Every entry, key and value as text (struct fields as {name=value, ...}); per-CPU values summed. */
    Map<String, String> getEntries();
}
