// Cutting a BullMQ Worker's blocking connection: a fetch waiting on Redis
// (BZPOPMIN, up to 10 s) would otherwise take one more job after the worker
// was told to stop, so pause and shutdown cut that connection, as BullMQ's own
// close() does. BullMQ reconnects it at the next fetch.
//
// BullMQ waits for the connection's 'end' event. Under Redis Cluster, ioredis
// (6.0) never emits it for a disconnect made while the Cluster has no node
// connection, i.e. while it is reconnecting or still connecting: nothing is
// left to report the pool drained, the Cluster stays 'disconnecting', a fetch
// queued on it never settles and the wait never returns. BullMQ reconnects its
// blocking Cluster after every cut, so a second cut soon after a first (pause,
// then shutdown) can land in that window. So a Cluster without nodes is first
// given time to connect, and the wait for the cut is bounded either way.
import { Cluster } from "ioredis";

/** The part of a BullMQ Worker this needs (structural, so this package needs no bullmq import). */
export interface BlockingWorker {
  backend: {
    blockingConnection?: { client: Promise<unknown> };
    disconnectBlocking(wait?: boolean): Promise<void>;
  };
}

/** How long a Cluster without nodes gets to connect before the cut, ms (its reconnect backoff tops out at 2 s). */
const CONNECT_WAIT_MS = 5_000;
/** How long the cut may take before it is taken as done, ms. */
const CUT_WAIT_MS = 2_000;

/** Resolves after `ms`, or at once when `settled` does; never rejects. */
function bounded(settled: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    settled.then(
      () => undefined,
      () => undefined,
    ),
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ms);
      timer.unref();
    }),
  ]).finally(() => clearTimeout(timer));
}

/** Resolves once `cluster` is ready or ended, or after `ms`; its listeners are removed either way. */
function connected(cluster: Cluster, ms: number): Promise<void> {
  if (cluster.status === "ready" || cluster.status === "end") return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      cluster.off("ready", done);
      cluster.off("end", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    timer.unref();
    cluster.on("ready", done);
    cluster.on("end", done);
  });
}

/** Cuts `worker`'s blocking connection and waits for it to close, bounded; never throws. */
export async function cutBlockingConnection(worker: BlockingWorker): Promise<void> {
  const client = await worker.backend.blockingConnection?.client.catch(() => null);
  if (client instanceof Cluster && client.nodes().length === 0 && client.status !== "end") {
    await connected(client, CONNECT_WAIT_MS);
  }
  await bounded(worker.backend.disconnectBlocking(true), CUT_WAIT_MS);
}
