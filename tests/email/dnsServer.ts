// A real DNS server on 127.0.0.1 (dns2, UDP) answering DNSBL queries: names
// in `listed` get 127.0.0.2, everything else NXDOMAIN.
import type { AddressInfo } from "node:net";

import dns2 from "dns2";

export interface TestDns {
  /** "127.0.0.1:<port>", for DNS_RESOLVER. */
  server: string;
  listed: Set<string>;
  queries: string[];
  close(): Promise<void>;
}

export async function startDns(): Promise<TestDns> {
  const listed = new Set<string>();
  const queries: string[] = [];
  const { Packet } = dns2;
  const server = dns2.createServer({
    udp: true,
    handle: (request, send) => {
      const response = Packet.createResponseFromRequest(request);
      for (const q of request.questions) {
        queries.push(q.name);
        if (listed.has(q.name.toLowerCase())) {
          // The typings want a wire Resource; the encoder accepts this plain A record.
          const answer = { name: q.name, type: Packet.TYPE.A, class: Packet.CLASS.IN, ttl: 60, address: "127.0.0.2" };
          response.answers.push(answer as unknown as (typeof response.answers)[number]);
        }
      }
      if (response.answers.length === 0) response.header.rcode = 3; // NXDOMAIN
      send(response);
    },
  });
  await server.listen({ udp: { port: 0, address: "127.0.0.1" } });
  const udp = server.addresses().udp as AddressInfo;
  return {
    server: `127.0.0.1:${udp.port}`,
    listed,
    queries,
    close: async () => {
      await server.close();
    },
  };
}
