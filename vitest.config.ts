import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("./", import.meta.url)) } },
  test: {
    include: ["lib/**/*.test.ts", "db/**/*.test.ts", "emulator/**/*.test.ts", "scripts/**/*.test.ts", "tests/**/*.test.ts"],
    environment: "node",
    globalSetup: ["tests/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // postgres.js 3.4.9 throws this from a timer when a transaction's connection drops (porsager/postgres#1208,
    // unfixed upstream; db/guard-transactions.ts keeps it harmless). Next logs it and goes on; so do the tests.
    onUnhandledError: (error) => !(/reading 'write'/.test(error.message ?? "") && /postgres\/src\/connection\.js/.test(error.stack ?? "")),
  },
});
