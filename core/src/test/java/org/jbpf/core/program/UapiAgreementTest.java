package org.jbpf.core.program;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jbpf.core.helper.HelperSpec;
import org.jbpf.core.helper.HelperTable;
import org.jbpf.core.obj.MapTypes;
import org.jbpf.testsupport.Skip;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Core's program type, attach type, map type and helper numbers against the machine's UAPI header, linux/bpf.h. */
class UapiAgreementTest {
    private static String header;

    @BeforeAll
    static void read() throws IOException {
        Path h = Path.of("/usr/include/linux/bpf.h");
        Skip.unless(Files.isReadable(h), "tool", h + " is not installed (apt-get install -y linux-libc-dev; scripts/test installs it)");
        header = Files.readString(h);
    }

    /** name to value of an enum of the header whose enumerators count up from 0 (or say "= N"). */
    private static Map<String, Integer> enumeration(String name) {
        int start = header.indexOf("enum " + name + " {");
        assertTrue(start >= 0, "enum " + name);
        String body = header.substring(start, header.indexOf("};", start));
        Map<String, Integer> values = new HashMap<>();
        Matcher m = Pattern.compile("^\\s*([A-Z_0-9]+)\\s*(?:=\\s*(\\d+))?\\s*,", Pattern.MULTILINE).matcher(body);
        int next = 0;
        while (m.find()) {
            int v = m.group(2) != null ? Integer.parseInt(m.group(2)) : next;
            values.put(m.group(1), v);
            next = v + 1;
        }
        return values;
    }

    @Test void programAndAttachTypes() {
        Map<String, Integer> prog = enumeration("bpf_prog_type"), attach = enumeration("bpf_attach_type");
        assertEquals(prog.get("BPF_PROG_TYPE_SOCKET_FILTER"), ProgramTypes.SOCKET_FILTER);
        assertEquals(prog.get("BPF_PROG_TYPE_KPROBE"), ProgramTypes.KPROBE);
        assertEquals(prog.get("BPF_PROG_TYPE_SCHED_CLS"), ProgramTypes.SCHED_CLS);
        assertEquals(prog.get("BPF_PROG_TYPE_SCHED_ACT"), ProgramTypes.SCHED_ACT);
        assertEquals(prog.get("BPF_PROG_TYPE_TRACEPOINT"), ProgramTypes.TRACEPOINT);
        assertEquals(prog.get("BPF_PROG_TYPE_XDP"), ProgramTypes.XDP);
        assertEquals(prog.get("BPF_PROG_TYPE_PERF_EVENT"), ProgramTypes.PERF_EVENT);
        assertEquals(prog.get("BPF_PROG_TYPE_CGROUP_SKB"), ProgramTypes.CGROUP_SKB);
        assertEquals(prog.get("BPF_PROG_TYPE_SK_SKB"), ProgramTypes.SK_SKB);
        assertEquals(prog.get("BPF_PROG_TYPE_RAW_TRACEPOINT"), ProgramTypes.RAW_TRACEPOINT);
        assertEquals(attach.get("BPF_TRACE_RAW_TP"), ProgramTypes.ATTACH_TRACE_RAW_TP);
        assertEquals(prog.get("BPF_PROG_TYPE_TRACING"), ProgramTypes.TRACING);
        assertEquals(attach.get("BPF_XDP"), ProgramTypes.ATTACH_XDP);
        assertEquals(attach.get("BPF_PERF_EVENT"), ProgramTypes.ATTACH_PERF_EVENT);
        for (SectionKind k : SectionKinds.all())
            assertEquals(prog.get("BPF_PROG_TYPE_" + ProgramTypes.name(k.programType()).toUpperCase()), k.programType(), k.toString());
    }

    @Test void mapTypes() throws IllegalAccessException {
        Map<String, Integer> map = enumeration("bpf_map_type");
        int checked = 0;
        for (java.lang.reflect.Field f : MapTypes.class.getFields()) {
            if (f.getType() != int.class) continue;
            assertEquals(map.get("BPF_MAP_TYPE_" + f.getName()), f.getInt(null), f.getName());
            checked++;
        }
        assertEquals(22, checked);
    }

    @Test void everyHelperIdAndNameIsTheHeadersOwn() {
        int start = header.indexOf("#define __BPF_FUNC_MAPPER(FN");
        assertTrue(start >= 0, "__BPF_FUNC_MAPPER");
        int end = header.indexOf("\n\n", start);
        // FN(name) counting from unspec = 0 in older headers, FN(name, id, ...) in newer ones
        Matcher m = Pattern.compile("FN\\((\\w+)(?:,\\s*(\\d+))?").matcher(header.substring(start, end));
        Map<Integer, String> byId = new HashMap<>();
        int next = 0;
        while (m.find()) {
            if (m.group(1).equals("FN")) continue;
            int id = m.group(2) != null ? Integer.parseInt(m.group(2)) : next;
            byId.put(id, m.group(1));
            next = id + 1;
        }
        assertEquals("unspec", byId.get(0));
        // the installed header may be older than the kernel the helper list came from: compare the ids it has
        List<String> wrong = new ArrayList<>();
        int compared = 0;
        for (HelperSpec h : HelperTable.all().values()) {
            if (!byId.containsKey(h.id())) continue;
            compared++;
            if (!h.name().equals(byId.get(h.id()))) wrong.add(h.logName() + " is " + byId.get(h.id()) + " in the header");
        }
        assertEquals(List.of(), wrong);
        assertEquals(Math.min(byId.size(), HelperTable.all().size()), compared);
    }
}
