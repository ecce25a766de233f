/* An object clang writes with sections jbpf does not know: a program of an unknown kind beside a sound one, and
   (with -DOWN_DATA) a variable in a data section of its own name that a program reads. */
#define SEC(name) __attribute__((section(name), used))

#ifdef OWN_DATA
static int limit SEC(".mydata") = 5;
#else
static int limit = 5;
#endif

SEC("frobnicate/thing")
int odd(void *ctx) { return limit; }

SEC("tracepoint/syscalls/sys_enter_getpid")
int fine(void *ctx) { return 0; }

char LICENSE[] SEC("license") = "GPL";
