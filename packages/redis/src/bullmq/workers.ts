// Which BullMQ workers serve a queue, from one CLIENT LIST. Every official
// client names its worker's connection after the queue, as its own
// getWorkers() expects:
//  - Node (bullmq utils/create-backend): `<prefix>:<base64(queue)>`, or
//    `…:w:<worker name>` for a named worker, on the blocking connection only;
//  - Python (bullmq backends/redis_backend.py `clientName`) and Elixir
//    (bullmq worker.ex `worker_client_name`): `<prefix>:<queue>`, or
//    `…:w:<worker name>`, the queue name as it is. Python names both of a
//    worker's connections (its blocking one and its command one);
//  - PHP has no worker.
// QueueEvents listeners (`…:qe`) and producers are not workers. Counts are of
// connections, as BullMQ's own getWorkersCount() counts them, so a Python
// worker counts twice.

/** Worker connections per queue, from the text of one CLIENT LIST. */
export function countWorkers(clientList: string, prefix: string, queues: string[]): Map<string, number> {
  const byClientName = new Map<string, string>();
  for (const q of queues) {
    byClientName.set(`${prefix}:${Buffer.from(q).toString("base64")}`, q);
    // A plain name never shadows a base64 one: it would only differ if a queue were named like another's base64.
    if (!byClientName.has(`${prefix}:${q}`)) byClientName.set(`${prefix}:${q}`, q);
  }
  const counts = new Map<string, number>(queues.map((q) => [q, 0]));
  for (const line of clientList.split(/\r?\n/)) {
    const name = / name=(\S*)/.exec(` ${line}`)?.[1];
    if (!name?.startsWith(`${prefix}:`)) continue;
    const cut = name.indexOf(":w:", prefix.length + 1);
    const queue = byClientName.get(cut === -1 ? name : name.slice(0, cut));
    if (queue !== undefined) counts.set(queue, (counts.get(queue) ?? 0) + 1);
  }
  return counts;
}
