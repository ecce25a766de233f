package org.jbpf.loader.sys;

import java.util.Map;

/** Names of errno values and what each usually means for a bpf(2) or perf_event_open(2) caller. */
public final class Errno {
    private Errno() {}

    public static final int EPERM = 1, ENOENT = 2, ESRCH = 3, EINTR = 4, EIO = 5, ENXIO = 6, E2BIG = 7, EBADF = 9,
            EAGAIN = 11, ENOMEM = 12, EACCES = 13, EFAULT = 14, EBUSY = 16, EEXIST = 17, ENODEV = 19, ENOTDIR = 20,
            EINVAL = 22, ENFILE = 23, EMFILE = 24, ENOTTY = 25, EFBIG = 27, ENOSPC = 28, EROFS = 30, ERANGE = 34,
            ENAMETOOLONG = 36, ENOSYS = 38, ELOOP = 40, EOPNOTSUPP = 95, ENOTSUPP = 524;

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(EPERM, "EPERM"), Map.entry(ENOENT, "ENOENT"), Map.entry(ESRCH, "ESRCH"), Map.entry(EINTR, "EINTR"),
            Map.entry(EIO, "EIO"), Map.entry(ENXIO, "ENXIO"), Map.entry(E2BIG, "E2BIG"), Map.entry(EBADF, "EBADF"),
            Map.entry(EAGAIN, "EAGAIN"), Map.entry(ENOMEM, "ENOMEM"), Map.entry(EACCES, "EACCES"),
            Map.entry(EFAULT, "EFAULT"), Map.entry(EBUSY, "EBUSY"), Map.entry(EEXIST, "EEXIST"),
            Map.entry(ENODEV, "ENODEV"), Map.entry(ENOTDIR, "ENOTDIR"), Map.entry(EINVAL, "EINVAL"),
            Map.entry(ENFILE, "ENFILE"), Map.entry(EMFILE, "EMFILE"), Map.entry(ENOTTY, "ENOTTY"),
            Map.entry(EFBIG, "EFBIG"), Map.entry(ENOSPC, "ENOSPC"), Map.entry(EROFS, "EROFS"),
            Map.entry(ERANGE, "ERANGE"), Map.entry(ENAMETOOLONG, "ENAMETOOLONG"), Map.entry(ENOSYS, "ENOSYS"),
            Map.entry(ELOOP, "ELOOP"), Map.entry(EOPNOTSUPP, "EOPNOTSUPP"), Map.entry(ENOTSUPP, "ENOTSUPP"));

    private static final Map<Integer, String> HINTS = Map.ofEntries(
            Map.entry(EPERM, "needs CAP_BPF/CAP_SYS_ADMIN (run as root)"),
            Map.entry(EACCES, "permission denied by the kernel (the verifier rejected the program, or a capability or LSM refused it)"),
            Map.entry(ENOENT, "no such entry or object"),
            Map.entry(E2BIG, "too big: the map is full, or the request is larger than this kernel accepts"),
            Map.entry(EBADF, "bad file descriptor (was it already closed?)"),
            Map.entry(ENOMEM, "out of memory (or RLIMIT_MEMLOCK is too low on kernels before 5.11)"),
            Map.entry(EFAULT, "the kernel could not read or write a buffer it was given"),
            Map.entry(EBUSY, "busy: something is already attached there"),
            Map.entry(EEXIST, "already exists"),
            Map.entry(ENODEV, "no such device"),
            Map.entry(EINVAL, "the kernel rejected an argument (a feature this kernel lacks, or a malformed request)"),
            Map.entry(EMFILE, "too many open files in this process"),
            Map.entry(ENFILE, "too many open files in the system"),
            Map.entry(ENOSPC, "no space left (a log buffer or a table is full)"),
            Map.entry(ENOSYS, "this kernel has no such system call (built without CONFIG_BPF_SYSCALL?)"),
            Map.entry(EOPNOTSUPP, "not supported by this kernel or device"),
            Map.entry(ENOTSUPP, "not supported by this kernel or device"));

    /** "EPERM" for 1; "errno 123" for a number without a name here. */
    public static String name(int errno) {
        String n = NAMES.get(errno);
        return n != null ? n : "errno " + errno;
    }

    /** What the error usually means, or an empty string. */
    public static String hint(int errno) {
        return HINTS.getOrDefault(errno, "");
    }
}
