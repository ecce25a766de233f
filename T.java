public class T { public static void main(String[] a) throws Exception {
  long pid = Long.parseLong(a[0]);
  var ps = org.jbpf.toolchain.ProcessSymbols.of(pid);
  for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/"+pid+"/maps"))) if (line.contains("rwx")) { long s = Long.parseUnsignedLong(line.substring(0, line.indexOf('-')),16); System.out.println(line + " -> " + ps.symbolize(s + 0x1000)); }
  System.out.println(org.jbpf.toolchain.ProcessSymbols.requestPerfMap(pid));
}}
