// ESLint (flat config): typescript-eslint recommended, sorted imports, and no
// console.* in app code (everything logs through winston).
import js from "@eslint/js";
import simpleImportSort from "eslint-plugin-simple-import-sort";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "**/dist/**",
      "**/node_modules/**",
      "**/generated/**",
      "coverage/**",
      ".turbo/**",
      "exports/**",
      "openapi.json",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    plugins: { "simple-import-sort": simpleImportSort },
    rules: {
      "simple-import-sort/imports": "error",
      "simple-import-sort/exports": "error",
      "no-console": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Scripts, the CLI, benchmarks and tests talk to a terminal.
    files: ["scripts/**", "bench/**", "tests/**", "packages/cli/**", "**/*.js", "**/*.cjs", "**/*.mjs"],
    rules: { "no-console": "off", "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // The console runs in the browser.
    files: ["apps/console/src/**"],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ["tests/**"],
    languageOptions: { globals: { ...globals.jest } },
    rules: { "@typescript-eslint/no-non-null-assertion": "off" },
  },
);
