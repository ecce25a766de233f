package org.jbpf.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.GlobalData;
import org.jbpf.runtime.Constants;

/**
 * {@code --const NAME=VALUE}: load-time constants written into the object before it loads, and the text line of its
 * global variables that {@code run} prints with the maps.
 */
final class ConstantOptions {
    private ConstantOptions() {}

    /** The object with the constants set; a malformed option, an unknown name or a wrong value is a usage error. */
    static BpfObject apply(BpfObject object, List<String> options) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String o : options) {
            int eq = o.indexOf('=');
            if (eq <= 0) throw usage("bad --const '" + o + "'; write NAME=VALUE, e.g. --const targetPid=1234");
            String name = o.substring(0, eq).trim();
            values.put(name, value(o, o.substring(eq + 1).trim(), constant(object, name)));
        }
        try {
            return Constants.apply(object, values);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    /**
     * A number or boolean; for a byte array constant ({@code @Constant static byte[] targetComm = new byte[16]}) the
     * text itself, as UTF-8 bytes the loader pads with NULs ({@code --const targetComm=bash}).
     */
    private static Object value(String option, String v, GlobalData.Variable constant) {
        if (constant != null && !GlobalsText.isNumber(constant)) return v.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (v.equals("true") || v.equals("false")) return Boolean.parseBoolean(v);
        try {
            if (v.startsWith("0x") || v.startsWith("0X")) return Long.parseUnsignedLong(v.substring(2), 16);
            if (v.startsWith("-0x") || v.startsWith("-0X")) return -Long.parseLong(v.substring(3), 16);
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw usage("bad --const '" + option + "'; the value must be a number (1234, -1, 0x4d2) or true/false");
        }
    }

    /** The load-time constant {@code name} of the object, or null (then Constants names the ones it has). */
    private static GlobalData.Variable constant(BpfObject object, String name) {
        for (GlobalData g : object.globals()) {
            if (!g.readOnly()) continue;
            for (GlobalData.Variable v : g.variables()) if (v.name().equals(name)) return v;
        }
        return null;
    }

    private static Main.CommandFailure usage(String message) { return new Main.CommandFailure(ExitCodes.USAGE, message); }

    /**
     * The values of the object's global variables now, by name: numbers as Long, byte arrays as "0x..." hex; the
     * load-time constants when {@code constants}, else the writable variables. String sections have no variables.
     */
    static Map<String, Object> globalValues(org.jbpf.BPF bpf, BpfObject object, boolean constants) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (GlobalData g : object.globals()) {
            if (g.readOnly() != constants) continue;
            for (GlobalData.Variable v : g.variables()) {
                org.jbpf.runtime.Global global = bpf.global(v.name());
                out.put(v.name(), GlobalsText.isNumber(v) ? (Object) global.get() : hex(global.bytes()));
            }
        }
        return out;
    }

    private static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder("0x");
        for (byte b : bytes) sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        return sb.toString();
    }

    /** "globals: hits=1000 step=3", the numeric variables of the writable sections; empty when there are none. */
    static String globalsLine(org.jbpf.BPF bpf, BpfObject object) {
        StringBuilder sb = new StringBuilder();
        for (GlobalData g : object.globals()) {
            if (g.readOnly()) continue;
            for (GlobalData.Variable v : g.variables())
                if (v.size() == 1 || v.size() == 2 || v.size() == 4 || v.size() == 8)
                    sb.append(sb.length() == 0 ? "globals:" : "").append(' ').append(v.name()).append('=').append(bpf.global(v.name()).get());
        }
        return sb.toString();
    }
}
