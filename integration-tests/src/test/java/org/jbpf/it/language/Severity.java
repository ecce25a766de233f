package org.jbpf.it.language;

/** An enum of its own file, which probes switch over: javac 17 reads it through a switch map of the probe's. */
public enum Severity {
    INFO, WARN, ERROR, FATAL
}
