package org.jbpf.loader.attach;

import com.sun.jna.Library;
import com.sun.jna.Native;
import org.jbpf.loader.sys.BpfException;

/**
 * Network interface names to indexes, through libc's {@code if_nametoindex}: it asks the kernel in the calling
 * thread's network namespace (as the attach does), which /sys/class/net, fixed when sysfs was mounted, would not.
 */
public final class Interfaces {
    private Interfaces() {}

    private interface IfLib extends Library {
        IfLib INSTANCE = Native.load("c", IfLib.class);

        int if_nametoindex(String name);
    }

    /** The index of interface {@code name} in the calling thread's network namespace. */
    public static int index(String name) {
        if (name == null || name.isEmpty() || name.length() > 15)
            throw new BpfException("\"" + name + "\" is not an interface name (1 to 15 characters, as `ip link` lists them)");
        int index = IfLib.INSTANCE.if_nametoindex(name);
        if (index == 0) throw new BpfException("no network interface named \"" + name + "\" here (see `ip link`)");
        return index;
    }
}
