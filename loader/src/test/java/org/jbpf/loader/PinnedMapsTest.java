package org.jbpf.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.jbpf.core.obj.MapSpec;
import org.jbpf.core.obj.MapTypes;
import org.jbpf.loader.sys.BpfException;
import org.junit.jupiter.api.Test;

/** A map pinned by name is pinned directly under /sys/fs/bpf: a name from a damaged object cannot lead elsewhere. */
class PinnedMapsTest {
    private static MapSpec named(String name) {
        return new MapSpec(name, MapTypes.HASH, 4, 8, 16, 0, 0, 0, MapSpec.Pinning.BY_NAME);
    }

    @Test void aMapIsPinnedUnderItsName() {
        assertEquals(Path.of("/sys/fs/bpf/counts"), PinnedMaps.pathOf(named("counts")));
    }

    @Test void aNameThatIsNoFileNameThereIsRefused() {
        for (String bad : new String[] {"../etc/x", "a/b", "..", ".", ""}) {
            BpfException e = assertThrows(BpfException.class, () -> PinnedMaps.pathOf(named(bad)), bad);
            assertEquals("map \"" + bad + "\" is declared pinned by name, but its name cannot be a file name under /sys/fs/bpf; "
                    + "give the map a C identifier as its name", e.getMessage(), bad);
        }
    }
}
