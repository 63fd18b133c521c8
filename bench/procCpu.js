// CPU time of local processes from Linux /proc, for the benches' CPU-per-side figures.
"use strict";
const fs = require("node:fs");

const TICKS_PER_S = 100; // USER_HZ: 100 on every Linux we run on

/** CPU seconds (user + system) process `pid` has used; null when it cannot be read (exited, not Linux). */
function procCpuSeconds(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields 14 and 15 (utime, stime), counted after the parenthesised command name, which may hold spaces.
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(f[11]) + Number(f[12])) / TICKS_PER_S;
  } catch {
    return null;
  }
}

/** CPU seconds used by the live Postgres backends whose command line names `dbName`; 0 when none is local. */
function postgresCpuSeconds(dbName) {
  let total = 0;
  for (const pid of fs.existsSync("/proc") ? fs.readdirSync("/proc") : []) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(dbName)) total += procCpuSeconds(pid) ?? 0;
    } catch {
      /* exited */
    }
  }
  return total;
}

module.exports = { procCpuSeconds, postgresCpuSeconds };
