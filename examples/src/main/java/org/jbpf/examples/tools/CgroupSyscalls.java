package org.jbpf.examples.tools;

import static org.jbpf.Helpers.cgroupId;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Struct;
import org.jbpf.TracepointContext;
import org.jbpf.examples.kernel.SysEnter;
import org.jbpf.maps.HashMap;

/**
 * syscount by cgroup: every system call counted by the cgroup v2 of the calling task and the call's number, from
 * raw_syscalls:sys_enter. The cgroup id is the inode number of the cgroup's directory, so
 * {@code stat -c %i /sys/fs/cgroup/<path>} names a key's cgroup (on a host with cgroup v1 beside v2, under
 * {@code /sys/fs/cgroup/unified}).
 */
@Bpf(license = "GPL")
public final class CgroupSyscalls {
    /** A cgroup and a system call number. */
    @Struct
    public record Key(long cgroup, long syscall) {}

    public static final HashMap<Key, Long> calls = new HashMap<>(Key.class, Long.class, 10240);

    @Section("tracepoint/raw_syscalls/sys_enter")
    static int onSyscall(TracepointContext ctx) {
        calls.increment(new Key(cgroupId(), ctx.as(SysEnter.class).id));
        return 0;
    }
}
