// DNSBL checks of the sending IPs (every 15 min, from the scheduled minute
// tick). For each IP and zone, the reversed address
// is looked up under the zone ("10.113.0.203.zen.spamhaus.org" for
// 203.0.113.10; IPv6 by reversed nibbles) through DNS_RESOLVER (host[:port])
// or the system resolvers. An A record in 127.0.0.0/8 means listed; NXDOMAIN
// or no data means not listed; 127.255.255.x answers (Spamhaus "query
// refused / rate limited") and lookup errors leave that zone's last state.
import { Resolver } from "node:dns/promises";

import { coerceError } from "@opsdeck/core";
import { listSendingIps, saveDnsblResult } from "@opsdeck/db";

import type { ProcessorContext } from "../processors/types";

export interface DnsblResult {
  ip_address: string;
  listed: string[];
  /** Zones whose lookup failed (their previous state is kept). */
  unknown: string[];
}

/** The query name of `ip` under `zone`, or null for an address that is not IPv4/IPv6. */
export function dnsblQuery(ip: string, zone: string): string | null {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
  if (v4) return `${v4.slice(1).reverse().join(".")}.${zone}`;
  if (!ip.includes(":")) return null;
  const [head = "", tail = ""] = ip.split("::");
  const h = head ? head.split(":") : [];
  const t = tail ? tail.split(":") : [];
  const groups = ip.includes("::") ? [...h, ...Array<string>(8 - h.length - t.length).fill("0"), ...t] : h;
  if (groups.length !== 8) return null;
  const nibbles = groups
    .map((g) => g.padStart(4, "0"))
    .join("")
    .split("")
    .reverse();
  return `${nibbles.join(".")}.${zone}`;
}

function resolverFor(server: string | undefined, timeoutMs: number): Resolver {
  const r = new Resolver({ timeout: timeoutMs, tries: 2 });
  if (server) {
    const m = /^\[?([^\]]+?)\]?(?::(\d+))?$/.exec(server);
    const host = m?.[1] ?? server;
    const port = m?.[2] ?? "53";
    r.setServers([host.includes(":") ? `[${host}]:${port}` : `${host}:${port}`]);
  }
  return r;
}

export async function checkDnsbl(ctx: Pick<ProcessorContext, "db" | "config" | "log">): Promise<DnsblResult[]> {
  const { config, log } = ctx;
  const pool = ctx.db.pool;
  const resolver = resolverFor(config.DNS_RESOLVER, config.DNSBL_TIMEOUT_MS);
  const zones = config.DNSBL_ZONES;
  const ips = await listSendingIps(pool);
  const results: DnsblResult[] = [];
  for (const ip of ips) {
    const listed: string[] = [];
    const unknown: string[] = [];
    const errors: string[] = [];
    await Promise.all(
      zones.map(async ({ name, zone }) => {
        const q = dnsblQuery(ip.ip_address, zone);
        if (!q) return;
        try {
          const answers = await resolver.resolve4(q);
          if (answers.some((a) => a.startsWith("127.255.255."))) {
            unknown.push(name);
            errors.push(`${name}: query refused (${answers.join(",")})`);
          } else if (answers.some((a) => a.startsWith("127."))) listed.push(name);
        } catch (err) {
          const code = (err as { code?: string }).code;
          if (code === "ENOTFOUND" || code === "ENODATA") return;
          unknown.push(name);
          errors.push(`${name}: ${code ?? coerceError(err).message}`);
        }
      }),
    );
    await saveDnsblResult(pool, ip.ip_address, listed.sort(), unknown, errors.length ? errors.join("; ") : null);
    if (listed.length) log.warn("sending ip listed on dnsbl", { ip_address: ip.ip_address, zones: listed });
    results.push({ ip_address: ip.ip_address, listed, unknown });
  }
  return results;
}
