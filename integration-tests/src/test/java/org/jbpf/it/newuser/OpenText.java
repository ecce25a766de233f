package org.jbpf.it.newuser;

import org.jbpf.Size;
import org.jbpf.Struct;

/** The Java-side view of an {@link OpenEvents.Open} record with its text fields read as Strings. */
@Struct
public final class OpenText {
    public int tid;
    public int flags;
    @Size(16) public String comm;
    @Size(96) public String path;
}
