/**
 * Calls the translator implements itself, one {@link org.jbpf.translator.intrinsic.Intrinsic} family each: typing
 * rule and lowering together. Internal to the translator.
 */
package org.jbpf.translator.intrinsic;
