// Workers per queue from one CLIENT LIST: a BullMQ worker names its blocking
// connection `<prefix>:<base64(queue)>` or `<prefix>:<base64(queue)>:w:<name>`
// (bullmq utils/create-backend.js), which is how Queue#getWorkers finds them.
export function countWorkers(clientList: string, prefix: string, queues: string[]): Map<string, number> {
  const byClientName = new Map<string, string>();
  for (const q of queues) byClientName.set(`${prefix}:${Buffer.from(q).toString("base64")}`, q);
  const counts = new Map<string, number>(queues.map((q) => [q, 0]));
  for (const line of clientList.split(/\r?\n/)) {
    const m = / name=(\S*)/.exec(` ${line}`);
    const name = m?.[1];
    if (!name || !name.startsWith(`${prefix}:`)) continue;
    const cut = name.indexOf(":w:", prefix.length + 1);
    const queue = byClientName.get(cut === -1 ? name : name.slice(0, cut));
    if (queue !== undefined) counts.set(queue, (counts.get(queue) ?? 0) + 1);
  }
  return counts;
}
