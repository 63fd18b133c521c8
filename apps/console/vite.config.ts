// The console is served by the API at /console (apps/api/src/console/static.ts),
// so every URL Vite writes starts there. Output goes to dist/ (Vite's default),
// assets to dist/assets/ with content hashes, which the API caches for a year.
import path from "node:path";
import { fileURLToPath } from "node:url";

import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const here = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  base: "/console/",
  plugins: [react()],
  resolve: {
    // The typed client from its TypeScript source: bundled as ES modules, and only what the console calls.
    alias: { "@opsdeck/client": path.resolve(here, "../../packages/client/src/index.ts") },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // The CSP allows no inline script or data: module, so even the smallest asset stays a file.
    assetsInlineLimit: 0,
    sourcemap: false,
  },
});
