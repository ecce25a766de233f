package org.jbpf.cli;

/**
 * How commands that print data write it: tables and charts for people, JSON lines for programs, or (jbpf run only)
 * folded stacks for flame graphs.
 */
enum OutputFormat { text, json, folded }
