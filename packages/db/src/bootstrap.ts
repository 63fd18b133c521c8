// First start: when no active ops key exists, create one and write
// it to a file readable only by the owner (mode 0600). The key itself is
// never logged; callers print the path.
import fs from "node:fs";
import path from "node:path";

import type { PrismaClient } from "./generated/prisma/client";
import { countActiveOpsKeys, createKey } from "./keys";

interface BootstrapResult {
  created: boolean;
  path: string;
}

/** @public used by scripts/prepare.js through the build */
export async function bootstrapOpsKey(prisma: PrismaClient, file: string): Promise<BootstrapResult> {
  // Serialise concurrent starters on a transaction-scoped advisory lock.
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(727073)`;
    if ((await countActiveOpsKeys(tx as unknown as PrismaClient)) > 0) return { created: false, path: file };
    const { raw } = await createKey(tx as unknown as PrismaClient, {
      name: "bootstrap",
      role: "ops",
      createdBy: "bootstrap",
    });
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    // Write then chmod: the mode on open only applies when the file is new.
    fs.writeFileSync(file, `${raw}\n`, { mode: 0o600 });
    fs.chmodSync(file, 0o600);
    return { created: true, path: file };
  });
}
