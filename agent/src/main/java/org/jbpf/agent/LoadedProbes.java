package org.jbpf.agent;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.jbpf.BPF;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.ProcessFilter;
import org.jbpf.core.obj.MapSpec;
import org.jbpf.metrics.MicrometerBridge;
import org.jbpf.metrics.SharedEndpoint;
import org.jbpf.toolchain.Backends;
import org.jbpf.toolchain.MapMarks;
import org.jbpf.toolchain.Toolchain;
import org.jbpf.translator.Translator;

/** The probes this JVM has loaded through the agent, their MBeans, and their detaching at shutdown. */
final class LoadedProbes {
    static final LoadedProbes INSTANCE = new LoadedProbes();

    private record Loaded(String name, BPF bpf, List<ObjectName> mbeans, AutoCloseable meters, AutoCloseable endpoint) {}

    private final List<Loaded> loaded = new ArrayList<>();
    private boolean hookInstalled;
    private Thread fullMapWatch;

    private LoadedProbes() {}

    /**
     * Translates, verifies, loads and attaches one probe, and serves its maps on {@code prometheus} (host:port) when
     * that is not null; with {@code jvmOnly} its tracing programs see only this JVM's threads. A failure is logged as one
     * line ({@link ProbeFailure}), with the verifier log and stack trace when {@code verbose}. Returns the verdict for
     * {@code jbpf attach}: a line starting "ok: " or "failed: " (followed by the verifier log when verbose).
     */
    synchronized String load(String className, ProbeClasses classes, String prometheus, boolean jvmOnly, boolean verbose) {
        try {
            if (loaded.stream().anyMatch(l -> l.name.equals(className))) {
                AgentLog.info("jbpf agent: " + className + " is already attached");
                return "ok: " + className + " is already attached";
            }
            Class<?> probe = classes.find(className);
            Translator.ClassSource source = Translator.ClassSource.of(probe.getClassLoader());
            Toolchain.Translated translated = new Toolchain(Backends.direct(), Translator.Options.DEFAULT, true)
                    .translate(source.read(className.replace('.', '/')), source);
            if (!translated.accepted()) throw ProbeFailure.refused(translated.verdict());
            BpfObject object = translated.object();
            long self = ProcessHandle.current().pid();
            if (jvmOnly) object = ProcessFilter.only(object, self);
            BPF bpf = BPF.load(object, probe);
            List<ObjectName> mbeans = new ArrayList<>();
            BpfGlobalsBean globals;
            try {
                bpf.attachAll();
                for (MapSpec m : object.maps())
                    if (!m.internal() && MapMarks.of(m, object.btf()).kind() != MapMarks.Kind.SCRATCH)  // not @Scratch state
                        mbeans.add(register(new BpfMapBean(object, bpf.map(m.name()))));
                globals = BpfGlobalsBean.of(object, bpf);
                if (globals != null) mbeans.add(register(globals.objectName(), globals));
            } catch (RuntimeException | Error e) {
                unregister(mbeans);
                bpf.close();
                throw e;
            }
            // also as meters of the application's Micrometer, when it has one (Spring Boot's /actuator/prometheus)
            AutoCloseable meters = bindMeters(bpf, probe);
            SharedEndpoint.Registration endpoint = prometheus == null ? null : serve(bpf, probe, prometheus);
            loaded.add(new Loaded(className, bpf, mbeans, meters, endpoint));
            installShutdownHook();
            watchFullMaps();
            String message = "attached " + object.name() + " (" + bpf.links().size() + " programs, maps "
                    + mbeans.stream().filter(n -> n.getKeyProperty("type").equals("map")).map(n -> n.getKeyProperty("name")).toList() + " as MBeans " + BpfMapBean.DOMAIN + ":type=map,..."
                    + (globals != null ? ", globals " + globals.names() + " as MBean " + BpfMapBean.DOMAIN + ":type=globals,..." : "")
                    + (meters != null ? " and Micrometer meters" : "") + (endpoint != null ? ", served at " + endpoint.url() : "") + (jvmOnly ? ", events of this JVM (pid " + self + ") only" : "") + ")";
            AgentLog.info("jbpf agent: " + message);
            return "ok: " + message;
        } catch (Exception | LinkageError e) {
            String message = ProbeFailure.line(className, e);
            String details = verbose ? ProbeFailure.details(e) : null;
            AgentLog.error("jbpf agent: " + message + (details != null ? "\n" + details : ""), verbose, e);
            return "failed: " + message + (details != null ? "\n" + details : "");
        }
    }

    /** Detaches one probe ({@code *}: every probe) and removes its MBeans; returns the verdict like {@link #load}. */
    synchronized String detach(String className) {
        List<Loaded> gone = loaded.stream().filter(l -> className.equals("*") || l.name.equals(className)).toList();
        if (gone.isEmpty()) {
            String message = className.equals("*") ? "no probes are attached" : className + " is not attached";
            return (className.equals("*") ? "ok: " : "failed: ") + message + (loaded.isEmpty() ? ""
                    : "; attached: " + String.join(", ", loaded.stream().map(Loaded::name).toList()));
        }
        List<String> names = new ArrayList<>();
        for (Loaded l : gone) {
            release(l);
            l.bpf.close();
            loaded.remove(l);
            names.add(l.name);
        }
        String message = "detached " + String.join(", ", names);
        AgentLog.info("jbpf agent: " + message);
        return "ok: " + message;
    }

    /** The probe's Micrometer binding, or null without Micrometer; a failure here leaves the probe loaded. */
    private static AutoCloseable bindMeters(BPF bpf, Class<?> probe) {
        try {
            return MicrometerBridge.bindToGlobalRegistry(bpf, probe.getClassLoader());
        } catch (Exception | LinkageError e) {
            AgentLog.error("jbpf agent: maps of " + probe.getName() + " not bound to Micrometer: " + e, e);
            return null;
        }
    }

    /** The probe's place on the metrics endpoint, or null when it cannot be served; the probe stays loaded. */
    private static SharedEndpoint.Registration serve(BPF bpf, Class<?> probe, String address) {
        try {
            return SharedEndpoint.add(bpf, address);
        } catch (RuntimeException e) {
            AgentLog.error("jbpf agent: maps of " + probe.getName() + " not served on " + address + ": " + e.getMessage(), e);
            return null;
        }
    }

    /** Takes the probe's maps out of JMX, Micrometer and the metrics endpoint. */
    private static void release(Loaded l) {
        unregister(l.mbeans);
        for (AutoCloseable c : java.util.Arrays.asList(l.meters, l.endpoint)) {
            if (c == null) continue;
            try {
                c.close();
            } catch (Exception | LinkageError e) {
                AgentLog.error("jbpf agent: removing the maps of " + l.name + " from metrics failed: " + e.getMessage(), e);
            }
        }
    }

    private static ObjectName register(BpfMapBean bean) throws Exception {
        return register(bean.objectName(), new javax.management.StandardMBean(bean, BpfMapMBean.class, false));
    }

    private static ObjectName register(ObjectName name, Object bean) throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        if (server.isRegistered(name)) server.unregisterMBean(name);
        server.registerMBean(bean, name);
        return name;
    }

    private static void unregister(List<ObjectName> names) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        for (ObjectName n : names) {
            try {
                server.unregisterMBean(n);
            } catch (Exception alreadyGone) {
                // nothing left to clean
            }
        }
    }

    /**
     * Every {@code jbpf.agent.fullMapCheckMillis} (10 s by default) counts the hash maps of the loaded probes that are
     * not yet reported full, so a map that fills up while nobody reads it is reported on the application's stderr then,
     * not only at detach. The counting walks run in this JVM; the kernel's programs pay nothing.
     */
    private void watchFullMaps() {
        if (fullMapWatch != null) return;
        long every = Long.getLong("jbpf.agent.fullMapCheckMillis", 10_000);
        fullMapWatch = new Thread(() -> {
            try {
                while (true) {
                    Thread.sleep(every);
                    checkFullMaps();
                }
            } catch (InterruptedException stop) {
                // the JVM is ending
            }
        }, "jbpf-agent-full-maps");
        fullMapWatch.setDaemon(true);
        fullMapWatch.start();
    }

    private synchronized void checkFullMaps() {
        for (Loaded l : loaded) {
            try {
                l.bpf.checkFullMaps();
            } catch (RuntimeException e) {
                AgentLog.error("jbpf agent: maps of " + l.name + " not checked for room: " + e.getMessage(), e);
            }
        }
    }

    private void installShutdownHook() {
        if (hookInstalled) return;
        hookInstalled = true;
        Runtime.getRuntime().addShutdownHook(new Thread(this::detachAll, "jbpf-agent-detach"));
    }

    synchronized void detachAll() {
        for (Loaded l : loaded) {
            release(l);
            int links = l.bpf.links().size();
            l.bpf.close();
            AgentLog.atShutdown("jbpf agent: detached " + l.name + " (" + links + " programs)");
        }
        loaded.clear();
    }
}
