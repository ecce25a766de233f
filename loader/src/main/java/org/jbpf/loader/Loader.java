package org.jbpf.loader;

import com.sun.jna.Memory;
import java.util.List;
import java.util.Optional;
import org.jbpf.core.asm.Insn;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.GlobalData;
import org.jbpf.core.obj.MapSpec;
import org.jbpf.core.obj.MapTypes;
import org.jbpf.core.obj.ProgramSpec;
import org.jbpf.loader.sys.BpfAttr;
import org.jbpf.loader.sys.BpfAttrs;
import org.jbpf.loader.sys.BpfException;
import org.jbpf.loader.sys.Errno;
import org.jbpf.loader.sys.Fd;
import org.jbpf.loader.sys.BpfSyscalls;

/**
 * Loads a {@link BpfObject} into the kernel: its BTF (when it has one and the kernel takes it), then its maps and
 * global-data sections (one-entry array maps holding their initial bytes, read-only ones frozen), then its programs
 * with map references patched to map fds. Nothing is attached here; see {@link LoadedProgram#attach()}.
 * On any failure everything created so far is closed before the exception propagates.
 */
public final class Loader {
    /** First verifier log buffer; grown four times over while the kernel says it is too small. */
    static final int LOG_START = 1 << 18, LOG_MAX = 1 << 26;

    private final BtfEncoder btfEncoder;
    private final BpfSyscalls sys;

    public Loader() { this(BtfEncoder.core()); }

    public Loader(BtfEncoder btfEncoder) { this(btfEncoder, BpfSyscalls.kernel()); }

    /** A loader issuing its bpf(2) commands through {@code sys} (a fake one in unit tests). */
    public Loader(BtfEncoder btfEncoder, BpfSyscalls sys) {
        this.btfEncoder = btfEncoder;
        this.sys = sys;
    }

    public LoadedObject load(BpfObject obj) {
        LoadedObject out = new LoadedObject(obj);
        try {
            Optional<BtfEncoder.Encoded> btf = loadBtf(obj, out);
            for (MapSpec m : obj.maps()) out.add(m.pinning() == MapSpec.Pinning.BY_NAME ? pinnedMap(m, obj, out) : createMap(m, m.name(), obj, out));
            for (GlobalData g : obj.globals()) out.addGlobal(createGlobal(g, obj, out));
            for (ProgramSpec p : obj.programs()) out.add(loadProgram(p, obj, out, btf));
            return out;
        } catch (RuntimeException e) {
            try {
                out.close();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    // ---- BTF ------------------------------------------------------------------------------------

    private Optional<BtfEncoder.Encoded> loadBtf(BpfObject obj, LoadedObject out) {
        if (obj.btf() == null || obj.btf().size() == 0) return Optional.empty();
        Optional<BtfEncoder.Encoded> enc;
        try {
            enc = btfEncoder.encode(BtfSanitizer.forKernel(obj.btf()), DebugInfo.strings(obj));
        } catch (RuntimeException e) {
            out.warn("object " + obj.name() + ": " + e.getMessage() + "; loading without BTF");
            return Optional.empty();
        }
        if (enc.isEmpty()) return Optional.empty();
        byte[] bytes = enc.get().bytes();
        Memory data = BpfAttr.copyOf(bytes);
        int err;
        try {
            out.setBtf(sys.btfLoad(data, bytes.length, null, 0, 0));
            return enc;
        } catch (BpfException e) {
            err = e.errno();
        }
        if (err == Errno.EPERM) throw new BpfException("BPF_BTF_LOAD of object " + obj.name(), err);
        Memory log = new Memory(LOG_START);
        log.clear();
        try {
            sys.btfLoad(data, bytes.length, log, LOG_START, 1).close();
        } catch (BpfException ignored) {
            // expected: this second attempt only collects the kernel's reason
        }
        String reason = VerifierLog.tail(log.getString(0, "UTF-8"), 3).toString();
        out.warn("object " + obj.name() + ": the kernel rejected its BTF (" + Errno.name(err) + " " + reason
                + "); maps and programs loaded without BTF");
        return Optional.empty();
    }

    // ---- maps -----------------------------------------------------------------------------------

    /**
     * The map of a global-data section, named like libbpf names it (a prefix of the object's name, then the section),
     * holding the section's initial bytes; a read-only section is frozen, so programs see its bytes as constants.
     */
    private LoadedMap createGlobal(GlobalData g, BpfObject obj, LoadedObject out) {
        LoadedMap m = createMap(g.mapSpec(), kernelName(obj.name(), g.name()), obj, out);
        if (!g.zeroFilled()) {
            Memory key = new Memory(4);
            key.setInt(0, 0);
            Memory value = BpfAttr.copyOf(g.bytes());
            int err = sys.mapUpdateElem(m.fd().value(), key, value, 0);
            if (err != 0) {
                m.close();
                throw new BpfException("BPF_MAP_UPDATE_ELEM of the initial values of " + g.name() + " in object " + obj.name(), err);
            }
        }
        if (g.readOnly()) {
            try {
                sys.mapFreeze(m.fd().value());
            } catch (BpfException e) {
                m.close();
                throw e;
            }
        }
        return m;
    }

    /** At most 15 characters: up to 8 of the object's name, then as much of the section name as fits. */
    static String kernelName(String object, String section) {
        int prefix = Math.max(0, Math.min(8, 15 - section.length()));
        String name = object.substring(0, Math.min(prefix, object.length())) + section;
        return name.length() > 15 ? name.substring(0, 15) : name;
    }

    private LoadedMap createMap(MapSpec m, String kernelName, BpfObject obj, LoadedObject out) {
        MapSpec spec = m;
        // a perf event array has one slot per CPU; 0 means "as many as there are"
        if (m.type() == MapTypes.PERF_EVENT_ARRAY && m.maxEntries() == 0)
            spec = new MapSpec(m.name(), m.type(), m.keySize(), m.valueSize(), Cpus.possible(), m.flags(),
                    m.btfKeyType(), m.btfValueType(), m.pinning());
        final MapSpec s = spec;
        String refused = MapParameters.problem(s);  // before bpf(2), whose EINVAL would not say which parameter
        if (refused != null) throw new BpfException(refused);
        boolean withBtf = out.btf() != null && (s.btfKeyType() != 0 || s.btfValueType() != 0);
        if (withBtf) {
            try {
                return new LoadedMap(s, sys.mapCreate(s.type(), s.keySize(), s.valueSize(), s.maxEntries(), s.flags(), kernelName,
                        out.btf().value(), s.btfKeyType(), s.btfValueType()), obj.btf());
            } catch (BpfException e) {
                if (e.errno() == Errno.EPERM) throw mapError(s, e.errno());
                out.warn("map " + s.name() + ": the kernel rejected its BTF types (" + Errno.name(e.errno())
                        + "); created without BTF");
            }
        }
        try {
            return new LoadedMap(s, sys.mapCreate(s.type(), s.keySize(), s.valueSize(), s.maxEntries(), s.flags(), kernelName,
                    0, 0, 0), null);
        } catch (BpfException e) {
            throw mapError(s, e.errno());
        }
    }

    /** A map declared pinned by name: the one pinned already, when its shape agrees, else a new one, pinned. */
    private LoadedMap pinnedMap(MapSpec m, BpfObject obj, LoadedObject out) {
        Fd reused = PinnedMaps.reuse(m, sys);
        if (reused != null) return new LoadedMap(m, reused, m.btfKeyType() != 0 || m.btfValueType() != 0 ? obj.btf() : null);
        LoadedMap created = createMap(m, m.name(), obj, out);
        try {
            PinnedMaps.pin(m, created.fd(), sys);
        } catch (RuntimeException e) {
            created.close();
            throw e;
        }
        return created;
    }

    private static BpfException mapError(MapSpec s, int errno) {
        String op = "BPF_MAP_CREATE of map \"" + s.name() + "\" (" + MapTypes.name(s.type()) + ", key " + s.keySize()
                + " B, value " + s.valueSize() + " B, max_entries " + s.maxEntries() + ")";
        if (errno == Errno.EINVAL)
            return new BpfException(op, errno, "the kernel refused these parameters (a map type this kernel lacks, a zero "
                    + "or oversized key/value, or flags it does not know)");
        return new BpfException(op, errno);
    }

    // ---- programs -------------------------------------------------------------------------------

    private LoadedProgram loadProgram(ProgramSpec p, BpfObject obj, LoadedObject out, Optional<BtfEncoder.Encoded> btf) {
        ProgramKind kind;
        try {
            kind = ProgramKind.of(p.section());
        } catch (IllegalArgumentException e) {
            throw new BpfException("program \"" + p.name() + "\": " + e.getMessage());
        }
        TracepointRecords.check(p, obj); // a typed record's fields where this kernel's format has them
        p = KernelTypes.relocate(p, obj); // CO-RE: offsets and sizes of this kernel's types
        List<Insn> insns = KernelFunctions.resolve(p.name(), MapRelocator.relocate(p, out));
        Memory code = BpfAttr.copyOf(Insn.encode(insns));
        if (code == null) throw new BpfException("program \"" + p.name() + "\" has no instructions");
        int count = Insn.slotOffsets(insns)[insns.size()];
        String license = obj.license() == null || obj.license().isEmpty() ? "GPL" : obj.license();

        DebugInfo debug = null;
        if (btf.isPresent() && out.btf() != null) {
            try {
                debug = DebugInfo.of(p, btf.get().stringOffset());
            } catch (RuntimeException e) {
                out.warn("program " + p.name() + ": no line info (" + e.getMessage() + ")");
            }
        }
        Fd fd = null;
        BpfAttrs.ProgLoad withDebug = null;
        if (debug != null) {
            withDebug = base(p, kind, code, count, license).btf(out.btf().value());
            if (debug.funcCount() > 0) withDebug.funcInfo(BpfAttr.copyOf(debug.funcInfo()), debug.funcCount());
            if (debug.lineCount() > 0) withDebug.lineInfo(BpfAttr.copyOf(debug.lineInfo()), debug.lineCount());
            fd = tryLoad(withDebug, p);
        }
        if (fd == null) {
            fd = tryLoad(base(p, kind, code, count, license), p);
            if (fd != null && withDebug != null) out.warn("program " + p.name() + ": rejected with its BTF line info; retried without it");
        }
        if (fd != null) return new LoadedProgram(p, kind, fd, out);
        // refused both ways: the load that carried the BTF says why, since without it a program with BPF functions is
        // refused for its missing func_info alone, which would hide the verifier's reason
        throw withLog(p, withDebug != null ? withDebug : base(p, kind, code, count, license), insns);
    }

    private static BpfAttrs.ProgLoad base(ProgramSpec p, ProgramKind kind, Memory code, int count, String license) {
        return new BpfAttrs.ProgLoad().type(kind.progType()).expectedAttachType(kind.expectedAttachType())
                .attachBtfId(KernelTypes.attachBtfId(p, kind)).insns(code, count).license(license).name(p.name());
    }

    /** The fd, or null when the kernel refused for a reason the verifier log can explain. */
    private Fd tryLoad(BpfAttrs.ProgLoad attr, ProgramSpec p) {
        try {
            return sys.progLoad(attr);
        } catch (BpfException e) {
            if (e.errno() == Errno.EPERM || e.errno() == Errno.ENOSYS || e.errno() == Errno.EMFILE) throw e;
            return null;
        }
    }

    /** Loads again with a verifier log (growing the buffer while it is too small) to explain the refusal. */
    private RuntimeException withLog(ProgramSpec p, BpfAttrs.ProgLoad attr, List<Insn> insns) {
        LoggedLoad again = LoggedLoad.of(sys, attr, LOG_START, LOG_MAX);
        if (again.loaded())
            return new BpfException("BPF_PROG_LOAD of program \"" + p.name() + "\" failed without a log but succeeded with one; "
                    + "the kernel's answer is not stable, try again");
        return VerifierLog.exception(p.name(), p.section(), insns, again.log(), again.errno());
    }
}
