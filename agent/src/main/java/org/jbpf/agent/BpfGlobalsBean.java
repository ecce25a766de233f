package org.jbpf.agent;

import java.util.ArrayList;
import java.util.List;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.DynamicMBean;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import org.jbpf.BPF;
import org.jbpf.core.obj.BpfObject;
import org.jbpf.core.obj.GlobalData;

/**
 * The global variables of a loaded probe for JMX, {@code org.jbpf:type=globals,probe=<class>}: one read-only
 * attribute per variable, named as the field, read from the kernel's copy at every get. Numbers are {@code Long},
 * byte arrays {@code "0x..."} hex text; load-time constants are there too, with the value they were loaded with.
 */
final class BpfGlobalsBean implements DynamicMBean {
    private final BpfObject object;
    private final BPF bpf;
    private final List<GlobalData.Variable> variables = new ArrayList<>();
    private final MBeanInfo info;

    private BpfGlobalsBean(BpfObject object, BPF bpf) {
        this.object = object;
        this.bpf = bpf;
        List<MBeanAttributeInfo> attributes = new ArrayList<>();
        for (GlobalData g : object.globals())
            for (GlobalData.Variable v : g.variables()) {
                variables.add(v);
                String what = (g.readOnly() ? "load-time constant" : "global variable") + " in " + g.name() + ", " + v.size() + " bytes";
                attributes.add(new MBeanAttributeInfo(v.name(), (isNumber(v) ? Long.class : String.class).getName(), what,
                        true, false, false));
            }
        this.info = new MBeanInfo(getClass().getName(), "global variables of probe " + object.name(),
                attributes.toArray(new MBeanAttributeInfo[0]), null, new MBeanOperationInfo[0], null);
    }

    /** The bean of the object's variables, or null when it has none (string sections hold no variables). */
    static BpfGlobalsBean of(BpfObject object, BPF bpf) {
        BpfGlobalsBean bean = new BpfGlobalsBean(object, bpf);
        return bean.variables.isEmpty() ? null : bean;
    }

    ObjectName objectName() throws MalformedObjectNameException {
        return new ObjectName(BpfMapBean.DOMAIN + ":type=globals,probe=" + object.name());
    }

    /** Variable names, for the agent's log line. */
    List<String> names() { return variables.stream().map(GlobalData.Variable::name).toList(); }

    private static boolean isNumber(GlobalData.Variable v) {
        return v.size() == 1 || v.size() == 2 || v.size() == 4 || v.size() == 8;
    }

    @Override public Object getAttribute(String name) throws AttributeNotFoundException {
        for (GlobalData.Variable v : variables)
            if (v.name().equals(name)) return isNumber(v) ? (Object) bpf.global(name).get() : hex(bpf.global(name).bytes());
        throw new AttributeNotFoundException("probe " + object.name() + " has no global variable " + name + "; it has " + names());
    }

    private static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder("0x");
        for (byte b : bytes) sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        return sb.toString();
    }

    @Override public AttributeList getAttributes(String[] names) {
        AttributeList out = new AttributeList();
        for (String n : names) {
            try {
                out.add(new Attribute(n, getAttribute(n)));
            } catch (AttributeNotFoundException e) {
                // JMX leaves unknown names out of the list
            }
        }
        return out;
    }

    @Override public void setAttribute(Attribute attribute) throws AttributeNotFoundException {
        getAttribute(attribute.getName());
        throw new UnsupportedOperationException("global " + attribute.getName() + " of " + object.name()
                + " is read-only over JMX; write it from Java with bpf.global(\"" + attribute.getName() + "\").set(..)");
    }

    @Override public AttributeList setAttributes(AttributeList attributes) { return new AttributeList(); }

    @Override public Object invoke(String action, Object[] params, String[] signature) {
        throw new UnsupportedOperationException("the globals of " + object.name() + " have no operations");
    }

    @Override public MBeanInfo getMBeanInfo() { return info; }
}
