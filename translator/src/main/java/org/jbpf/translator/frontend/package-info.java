/**
 * Reading a probe class: its sections, maps, structs and license, bytecode shape checks, API signatures and source
 * text. Internal to the translator; {@link org.jbpf.translator.Translator} is the entry.
 */
package org.jbpf.translator.frontend;
