/**
 * Bytecode to MIR with virtual registers, from the analysis's facts. Internal to the translator.
 */
package org.jbpf.translator.lower;
