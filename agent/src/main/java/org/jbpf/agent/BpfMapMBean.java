package org.jbpf.agent;

import javax.management.openmbean.TabularData;

/**
 * A BPF map of a probe, as JMX tools see it: {@code org.jbpf:type=map,probe=<class>,name=<field>}. A standard MBean,
 * not an MXBean, so {@link #getEntries} reaches clients as the open-type table it is.
 */
public interface BpfMapMBean {
    String getName();
    String getProbe();
    String getType();
    int getKeySize();
    int getValueSize();
    int getMaxEntries();
    /** Entries currently in the map. */
    int getSize();
    /**
     * Every entry as a row {@code (key, value)}: integer keys and values as {@code Long}, struct ones as text
     * ({name=value, ...}); per-CPU values summed.
     */
    TabularData getEntries();
    /** Deletes every entry; an array, whose entries always exist, has every value set to zero. */
    void clear();
    /** Deletes the entry whose key is {@code key} (an integer, as {@link #getEntries} shows it); false when absent. */
    boolean delete(long key);
}
