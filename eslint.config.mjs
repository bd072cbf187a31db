import next from "eslint-config-next";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...next,
  ...nextTs,
  { ignores: ["**/.next/**", "node_modules/**", "data/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "tests/fixtures/**"] },
  // The folder rules of .dependency-cruiser.cjs, reported in the editor too; depcruise (npm run lint)
  // also checks module cycles, entries (index.ts) and the layers inside lib/.
  {
    files: ["lib/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@/app/*", "@/components/*", "@/emulator/*", "@/scripts/*"], message: "lib/ stays framework-free: it never imports app/, components/, emulator/ or scripts/." }] },
      ],
    },
  },
  {
    files: ["db/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["@/lib/*"], message: "db/ is the schema and its driver: it never imports lib/." }] }],
    },
  },
  {
    files: ["app/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["@/emulator/*"], message: "The product never imports the emulator." }] }],
    },
  },
  {
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/emulator/*"], message: "The product never imports the emulator." },
            { group: ["@/app/*", "!@/app/_actions"], message: "Components take server actions from app/_actions/ (or as props), never from a route folder." },
          ],
        },
      ],
    },
  },
];
export default config;
