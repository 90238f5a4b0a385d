/**
 * The client's address behind `trustedHops` reverse proxies, each of which appends the address it
 * received the request from to X-Forwarded-For: the right-most entry none of them vouches for
 * (the CMS computes it the same way: Koa's maxIpsCount). The left-most entries are whatever the
 * client wrote, never believed. With no trusted proxy, or a header shorter than the chain, the
 * socket's peer.
 */
export function clientAddress(forwardedFor: string | undefined, socketAddress: string, trustedHops: number): string {
  if (!(trustedHops > 0)) return socketAddress;
  const hops = String(forwardedFor ?? '')
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean);
  return hops.length >= trustedHops ? hops[hops.length - trustedHops]! : socketAddress;
}
