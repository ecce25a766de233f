package org.jbpf.loader;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.jbpf.core.obj.MapSpec;
import org.jbpf.core.obj.MapTypes;
import org.jbpf.loader.sys.BpfException;
import org.jbpf.loader.sys.BpfSyscalls;
import org.jbpf.loader.sys.Errno;
import org.jbpf.loader.sys.Fd;

/**
 * Maps an object declares pinned by name (a clang object's {@code __uint(pinning, LIBBPF_PIN_BY_NAME)}): the map
 * pinned at {@code /sys/fs/bpf/<name>} is shared when it has the shape the object declares, a new one is pinned there
 * when none is, and a pin of another shape (another program's map of that name) is refused, naming both shapes.
 */
final class PinnedMaps {
    private PinnedMaps() {}

    /** Where maps pinned by name live, as libbpf puts them by default. */
    static final Path ROOT = Path.of("/sys/fs/bpf");

    /** The pin of {@code m}: a file directly under {@link #ROOT}, so a name that would lead elsewhere is refused. */
    static Path pathOf(MapSpec m) {
        String name = m.name();
        if (name.isEmpty() || name.equals(".") || name.equals("..") || name.indexOf('/') >= 0 || name.indexOf('\0') >= 0)
            throw new BpfException("map \"" + name + "\" is declared pinned by name, but its name cannot be a file name under "
                    + ROOT + "; give the map a C identifier as its name");
        return ROOT.resolve(name);
    }

    /** The map pinned for {@code m}, checked against its shape, or null when nothing is pinned there yet. */
    static Fd reuse(MapSpec m, BpfSyscalls sys) {
        Path path = pathOf(m);
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) return null;
        Fd fd = Pins.openMap(path, sys);
        MapInfo pinned;
        try {
            pinned = MapInfo.of(fd);
        } catch (RuntimeException e) {
            fd.close();
            throw e;
        }
        if (pinned.type() == m.type() && pinned.keySize() == m.keySize() && pinned.valueSize() == m.valueSize()
                && pinned.maxEntries() == m.maxEntries() && pinned.flags() == m.flags()) return fd;
        fd.close();
        throw new BpfException("map \"" + m.name() + "\" is pinned at " + path + " with another shape: the pin is "
                + shape(pinned.type(), pinned.keySize(), pinned.valueSize(), pinned.maxEntries(), pinned.flags())
                + ", this object declares " + shape(m.type(), m.keySize(), m.valueSize(), m.maxEntries(), m.flags())
                + "; remove the pin (rm " + path + ") if no program uses it, or give the map another name");
    }

    /** Pins the new map {@code fd} for {@code m}. */
    static void pin(MapSpec m, Fd fd, BpfSyscalls sys) {
        Path path = pathOf(m);
        try {
            sys.objPin(path.toString(), fd.value());
        } catch (BpfException e) {
            throw BpfException.withMessage("map \"" + m.name() + "\" is declared pinned by name, but pinning it at " + path
                    + " failed: " + Errno.name(e.errno()) + (e.errno() == Errno.ENOENT ? " (is a bpf file system mounted at " + ROOT
                    + "? mount -t bpf bpf " + ROOT + ")" : ""), e.errno());
        }
    }

    private static String shape(int type, int key, int value, int maxEntries, int flags) {
        return MapTypes.name(type) + " (key " + key + " B, value " + value + " B, max_entries " + maxEntries
                + (flags != 0 ? ", flags 0x" + Integer.toHexString(flags) : "") + ")";
    }
}
