/* C twin of examples/.../net/XdpFirewall.java, as a C programmer writes it; compiled only by scripts/bench/xdp-drop. */
#include <linux/types.h>
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <linux/in.h>
#include <linux/udp.h>
#include <linux/tcp.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

struct ipv4_prefix { __u32 prefix_length; __u32 address; };

struct { __uint(type, BPF_MAP_TYPE_HASH); __uint(max_entries, 4096); __type(key, __u32); __type(value, __u64); } packetsBySource SEC(".maps");
struct { __uint(type, BPF_MAP_TYPE_HASH); __uint(max_entries, 256); __type(key, __u32); __type(value, __u32); } blockedPorts SEC(".maps");
struct {
	__uint(type, BPF_MAP_TYPE_LPM_TRIE); __uint(max_entries, 1024); __uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, struct ipv4_prefix); __type(value, __u32);
} sourcePrefixes SEC(".maps");
struct { __uint(type, BPF_MAP_TYPE_HASH); __uint(max_entries, 256); __type(key, __u32); __type(value, __u64); } dropped SEC(".maps");

static __always_inline void count(void *counters, __u32 key)
{
	__u64 *n = bpf_map_lookup_elem(counters, &key);
	if (n) {
		__u64 next = *n + 1;
		bpf_map_update_elem(counters, &key, &next, BPF_ANY);
	} else {
		__u64 one = 1;
		bpf_map_update_elem(counters, &key, &one, BPF_ANY);
	}
}

SEC("xdp")
int filter(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data, *end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	if ((void *)(eth + 1) > end || eth->h_proto != bpf_htons(ETH_P_IP))
		return XDP_PASS;
	struct iphdr *ip = (void *)(eth + 1);
	if ((void *)(ip + 1) > end)
		return XDP_PASS;
	void *transport = (void *)ip + ip->ihl * 4;
	__u32 port;
	if (ip->protocol == IPPROTO_UDP) {
		struct udphdr *udp = transport;
		if ((void *)(udp + 1) > end)
			return XDP_PASS;
		port = bpf_ntohs(udp->dest);
	} else if (ip->protocol == IPPROTO_TCP) {
		struct tcphdr *tcp = transport;
		if ((void *)(tcp + 1) > end)
			return XDP_PASS;
		port = bpf_ntohs(tcp->dest);
	} else {
		return XDP_PASS;
	}
	count(&packetsBySource, bpf_ntohl(ip->saddr));
	struct ipv4_prefix source = { .prefix_length = 32, .address = ip->saddr };
	__u32 *verdict = bpf_map_lookup_elem(&sourcePrefixes, &source);
	if (verdict && *verdict == 1)
		return XDP_DROP;
	if (!bpf_map_lookup_elem(&blockedPorts, &port))
		return XDP_PASS;
	count(&dropped, port);
	return XDP_DROP;
}

char LICENSE[] SEC("license") = "GPL";
