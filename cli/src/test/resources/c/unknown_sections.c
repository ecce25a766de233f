/* An object clang writes with sections jbpf does not know: a program of an unknown kind beside a sound one, and
   (with -DOWN_DATA) a variable in a data section of its own name that a program reads, or (with -DKCONFIG) a
   .kconfig extern, which libbpf fills from the kernel's configuration. */
#define SEC(name) __attribute__((section(name), used))

#ifdef OWN_DATA
static int limit SEC(".mydata") = 5;
#elif defined(KCONFIG)
extern int limit __attribute__((section(".kconfig"), weak));
#else
static int limit = 5;
#endif

SEC("frobnicate/thing")
int odd(void *ctx) { return limit; }

SEC("tracepoint/syscalls/sys_enter_getpid")
int fine(void *ctx) { return 0; }

char LICENSE[] SEC("license") = "GPL";
