// Where Opsdeck may open SMTP connections. A host is resolved first and every
// address it resolves to is checked: loopback, link-local, private, CGNAT,
// multicast, unspecified, reserved and documentation ranges (IPv4 and IPv6;
// IPv4-mapped and NAT64 addresses are judged by the IPv4 address inside) are
// refused unless EMAIL_ALLOWED_DESTINATIONS names them. Callers connect to
// the addresses returned here, never to the name again, so a DNS answer that
// changes between the check and the connect (rebinding) gains nothing.
import { promises as dns } from "node:dns";
import net from "node:net";

import ipaddr from "ipaddr.js";
import { z } from "zod";

type Ip = ipaddr.IPv4 | ipaddr.IPv6;

export interface DestinationAllowList {
  /** Networks allowed even when private, loopback, … */
  cidrs: [Ip, number][];
  /** Host names (lower case, no trailing dot) trusted whatever they resolve to. */
  hosts: string[];
}

const HOST_NAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

/** EMAIL_ALLOWED_DESTINATIONS: comma-separated CIDRs, IP addresses and host names. */
export const AllowedDestinationsEnv = z
  .string()
  .max(4_000)
  .transform((raw, ctx): DestinationAllowList => {
    const list: DestinationAllowList = { cidrs: [], hosts: [] };
    for (const entry of raw.split(",").map((s) => s.trim().toLowerCase())) {
      if (!entry) continue;
      const slash = entry.indexOf("/");
      const ip = slash < 0 ? entry : entry.slice(0, slash);
      if (net.isIP(ip)) {
        const bits = slash < 0 ? (net.isIPv4(ip) ? 32 : 128) : Number(entry.slice(slash + 1));
        if (Number.isInteger(bits) && bits >= 0 && bits <= (net.isIPv4(ip) ? 32 : 128)) {
          list.cidrs.push([ipaddr.parse(ip), bits]);
          continue;
        }
      } else if (slash < 0 && HOST_NAME.test(entry.replace(/\.$/, ""))) {
        list.hosts.push(entry.replace(/\.$/, ""));
        continue;
      }
      ctx.addIssue({ code: "custom", message: `'${entry}' is not a CIDR, an IP address or a host name` });
    }
    return list;
  });

/** Thrown when a destination may not be (or cannot be) connected to; `reason` is safe to show and store. */
export class SmtpDestinationError extends Error {
  constructor(readonly reason: "destination_forbidden" | "dns_failed") {
    super(reason === "destination_forbidden" ? "destination_forbidden: not an allowed SMTP destination" : reason);
    this.name = "SmtpDestinationError";
  }
}

/** A configured host without the brackets of an IPv6 literal ("[::1]" → "::1"). */
export function bareHost(host: string): string {
  return /^\[.*\]$/.test(host) ? host.slice(1, -1) : host;
}

const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR("2000::/3") as [ipaddr.IPv6, number];
const NAT64_WELL_KNOWN = ipaddr.parseCIDR("64:ff9b::/96") as [ipaddr.IPv6, number];

/** The IPv4 address in the last 32 bits of an IPv6 address. */
function lastIpv4(a: ipaddr.IPv6): ipaddr.IPv4 {
  const [hi = 0, lo = 0] = a.parts.slice(6);
  return new ipaddr.IPv4([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]);
}

/** A public unicast address: what Opsdeck may reach without an allow-list entry. */
function isPublic(a: Ip): boolean {
  if (a.kind() === "ipv4") return a.range() === "unicast";
  const v6 = a as ipaddr.IPv6;
  // NAT64 (DNS64 networks) reaches the IPv4 address inside; judge that one.
  if (v6.match(NAT64_WELL_KNOWN)) return isPublic(lastIpv4(v6));
  // Everything outside 2000::/3 is unassigned or special-purpose, including the deprecated
  // IPv4-compatible ::a.b.c.d; ipaddr.js names the special ranges inside it (documentation, 6to4, …).
  return v6.match(GLOBAL_UNICAST_V6) && v6.range() === "unicast";
}

function inAllowList(a: Ip, allowed: DestinationAllowList): boolean {
  return allowed.cidrs.some(([net, bits]) => net.kind() === a.kind() && a.match(net, bits));
}

/** The address in canonical form (an IPv4-mapped IPv6 address becomes the IPv4 address it names); null if unparsable. */
function canonical(address: string): Ip | null {
  try {
    return ipaddr.process(address);
  } catch {
    return null;
  }
}

/** Whether `address` is a loopback address (127/8, ::1, ::ffff:127.x). */
export function isLoopback(address: string): boolean {
  return canonical(address)?.range() === "loopback";
}

export interface CheckedAddress {
  address: string;
  family: 4 | 6;
}

/**
 * Resolves `host` and checks every address it resolves to (one forbidden address refuses the
 * host: an answer mixing public and internal addresses is not trusted). A host name on the
 * allow-list is trusted whatever it resolves to. Bounded by `timeoutMs` (ms).
 */
export async function resolveDestination(
  host: string,
  allowed: DestinationAllowList,
  timeoutMs: number,
): Promise<CheckedAddress[]> {
  const name = bareHost(host);
  let timer: NodeJS.Timeout | undefined;
  let found: { address: string }[];
  try {
    found = await Promise.race([
      dns.lookup(name, { all: true, verbatim: true }),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error("dns timeout")), timeoutMs);
      }),
    ]);
  } catch {
    throw new SmtpDestinationError("dns_failed");
  } finally {
    clearTimeout(timer);
  }
  if (found.length === 0) throw new SmtpDestinationError("dns_failed");
  const trusted = allowed.hosts.includes(name.toLowerCase().replace(/\.$/, ""));
  const checked = found.map((f) => canonical(f.address));
  const ok = (a: Ip | null): a is Ip => a !== null && (trusted || isPublic(a) || inAllowList(a, allowed));
  if (!checked.every(ok)) throw new SmtpDestinationError("destination_forbidden");
  return checked.map((a) => ({ address: a.toString(), family: a.kind() === "ipv4" ? 4 : 6 }));
}
