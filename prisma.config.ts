// Prisma CLI configuration. Opsdeck applies migrations with its own runner
// (packages/db/src/migrate.ts), which records them in `_prisma_migrations`
// exactly as `prisma migrate deploy` would, so `prisma migrate status` agrees.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema",
  migrations: { path: "prisma/migrations" },
  datasource: {
    url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/opsdeck",
  },
});
