package org.jbpf.runtime;

import org.jbpf.core.obj.MapTypes;
import org.jbpf.loader.sys.Errno;

/**
 * What the kernel's refusal of a value written from Java means for the maps whose values name something outside the
 * map: a DevMap's interface index, a CpuMap's queue size, an XskMap's AF_XDP socket descriptor. Null for any other
 * map or error: the errno's own hint then says it.
 */
final class SlotErrors {
    private SlotErrors() {}

    /** Errnos Errno does not name. */
    private static final int EOVERFLOW = 75, ENOTSOCK = 88;

    static String explain(int mapType, int errno) {
        switch (mapType) {
            case MapTypes.XSKMAP:
                if (errno == Errno.EOPNOTSUPP || errno == ENOTSOCK || errno == Errno.EBADF)
                    return "an xskmap slot takes the descriptor of an AF_XDP socket bound to a queue of an interface, with a "
                            + "UMEM and a receive ring; this descriptor is not one";
                return null;
            case MapTypes.DEVMAP:
                return errno == Errno.ENODEV || errno == Errno.EINVAL ? "a devmap slot takes the index of an interface that exists "
                        + "(and takes xdp redirects); this value is not one" : null;
            case MapTypes.CPUMAP:
                return errno == Errno.EINVAL || errno == EOVERFLOW || errno == Errno.ENODEV
                        ? "a cpumap slot is a possible CPU and takes a queue size from 1 to 16384 (e.g. 192)" : null;
            default:
                return null;
        }
    }
}
