// The local backend: files in one directory. A write goes to
// `<name>.<random>.part`, then is fsynced and renamed, so a reader never sees
// a half file. Replicas must share the directory (NFS or a shared volume).
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { finished } from "node:stream/promises";

import { checkedName, EXPORT_ID_PATTERN, type FileStore } from "./fileStore";

export function createLocalFileStore(dir: string): FileStore {
  const root = path.resolve(dir);
  const pathOf = (name: string) => path.join(root, checkedName(name));
  return {
    backend: "local",
    create(name) {
      const final = pathOf(name);
      fs.mkdirSync(root, { recursive: true });
      const temp = `${final}.${randomBytes(6).toString("hex")}.part`;
      const stream = fs.createWriteStream(temp, { flags: "wx", mode: 0o640 });
      return {
        stream,
        async commit() {
          // The writer has ended the stream; wait until every byte reached the file.
          await finished(stream);
          const fh = await fs.promises.open(temp, "r+");
          try {
            await fh.sync();
          } finally {
            await fh.close();
          }
          await fs.promises.rename(temp, final);
        },
        async abort() {
          stream.destroy();
          await fs.promises.rm(temp, { force: true });
        },
      };
    },
    async open(name) {
      const file = pathOf(name);
      try {
        const st = await fs.promises.stat(file);
        if (!st.isFile()) return null;
        return { stream: fs.createReadStream(file), size: st.size };
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw err;
      }
    },
    async remove(name) {
      await fs.promises.rm(pathOf(name), { force: true });
    },
    async removeAll(exportId) {
      if (!EXPORT_ID_PATTERN.test(exportId)) throw new Error("invalid export id");
      let names: string[];
      try {
        names = await fs.promises.readdir(root);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === "ENOENT") return;
        throw err;
      }
      for (const n of names) {
        if (n.startsWith(`${exportId}.`)) await fs.promises.rm(path.join(root, n), { force: true });
      }
    },
    async probe() {
      await fs.promises.mkdir(root, { recursive: true });
      await fs.promises.access(root, fs.constants.W_OK);
    },
  };
}
