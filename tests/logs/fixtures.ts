// A small, fully known set of application logs for the log tests, one second
// apart (newest first = reverse insertion order).
import type pg from "pg";

import { type AppLogEntry, insertAppLogs } from "../../packages/db/src";

export const BASE_TIME = Date.now() - 3_600_000;

export const FIXTURE: AppLogEntry[] = (
  [
    {
      level: "error",
      service: "api",
      message: "Payment processing failed",
      requestId: "req_abc123",
      userId: "usr_xyz",
      metadata: { error_type: "PaymentError", stack_trace: "..." },
    },
    {
      level: "info",
      service: "api",
      message: "Payment accepted for invoice 42",
      requestId: "req_def456",
      userId: "usr_xyz",
    },
    {
      level: "warning",
      service: "worker",
      message: "SMTP connection timeout after 30s",
      requestId: null,
      userId: null,
      metadata: { host: "mx1" },
    },
    {
      level: "debug",
      service: "worker",
      message: "processing batch 7 of campaign cmp_abc",
      requestId: "req_ghi789",
      userId: "usr_other",
    },
    { level: "info", service: "scheduler", message: "Rollup completed in 120ms", requestId: null, userId: null },
    {
      level: "error",
      service: "worker",
      message: "Bounce from ADMIN@example.test: mailbox full",
      requestId: "req_jkl000",
      userId: "usr_xyz",
    },
    {
      level: "info",
      service: "api",
      message: 'Quoted "value", with comma\nand a second line',
      requestId: "req_multi",
      userId: null,
    },
    {
      level: "warning",
      service: "api",
      message: '=HYPERLINK("http://evil.test","click")',
      requestId: "req_formula",
      userId: null,
    },
    { level: "info", service: "api", message: "+1 dialled from @home -5 degrees", requestId: null, userId: null },
    { level: "info", service: "billing", message: "Processor warmed up", requestId: null, userId: null },
  ] satisfies Omit<AppLogEntry, "timestamp">[]
).map((e, i) => ({ ...e, timestamp: new Date(BASE_TIME + i * 1_000) }));

export async function seedLogs(pool: pg.Pool): Promise<void> {
  await insertAppLogs(pool, FIXTURE);
}
