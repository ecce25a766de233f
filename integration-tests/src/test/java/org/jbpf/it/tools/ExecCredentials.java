package org.jbpf.it.tools;

import org.jbpf.examples.kernel.Cred;
import org.jbpf.examples.kernel.TaskStruct;
import static org.jbpf.Helpers.comm;
import static org.jbpf.Helpers.gid;
import static org.jbpf.Helpers.pid;
import static org.jbpf.Helpers.uid;

import org.jbpf.Bpf;
import org.jbpf.Section;
import org.jbpf.Strings;
import org.jbpf.Struct;
import org.jbpf.TracepointContext;
import org.jbpf.maps.HashMap;

/**
 * The credentials of each exec of /bin/true read from the task's cred by name: kuid_t and kgid_t are typedefs of
 * unnamed structs, read as cred.uid.val (generated as {@code uidVal()}), next to what the uid/gid helper gives.
 */
@Bpf(license = "GPL")
public final class ExecCredentials {
    @Struct
    public record Ids(int uid, int euid, int gid, int helperUid, int helperGid) {}

    public static final HashMap<Integer, Ids> byPid = new HashMap<>(Integer.class, Ids.class, 1024);

    @Section("tracepoint/sched/sched_process_exec")
    static int onExec(TracepointContext ctx) {
        byte[] name = new byte[16];
        comm(name);
        if (!Strings.equals(name, "true")) return 0;
        Cred cred = TaskStruct.current().cred();
        byPid.update(pid(), new Ids(cred.uidVal(), cred.euidVal(), cred.gidVal(), uid(), gid()));
        return 0;
    }
}
