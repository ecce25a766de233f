package org.jbpf.cli;

/** How commands that print data write it: tables and charts for people, or JSON lines for programs. */
enum OutputFormat { text, json }
