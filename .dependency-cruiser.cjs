/**
 * The module graph of docs/ARCHITECTURE.md ("Module layers"), enforced by `npm run lint`.
 * tests/module-rules.test.ts shows that each rule fails on a tree that breaks it.
 *
 * A lib module is a folder lib/<name>/. Its entries, the only files another module may import:
 * - index.ts, the public API;
 * - <sub>/index.ts, a narrower API of its own (lib/schedule/store, lib/line/rich-menu);
 * - client.ts, the part a browser may load (schemas, constants; nothing that reaches db/);
 * - testing/*, helpers for tests only;
 * - lib/i18n/ja.ts, the dictionary; lib/i18n/client.ts holds its やさしい日本語 counterpart (easy.ts, ruby.ts).
 * Test files are not cruised: they may use what they test, internals included.
 */
const FOUNDATIONS = "^lib/(config|clock|calendar|crypto|csv|i18n)/";
const INFRASTRUCTURE = "^lib/(audit|jobs|realtime|line-api)/";
const ENTRIES = ["^lib/[^/]+/index\\.ts$", "^lib/[^/]+/[^/]+/index\\.ts$", "^lib/[^/]+/client\\.ts$", "^lib/[^/]+/testing/", "^lib/i18n/ja\\.ts$"];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-module-cycle",
      comment: "lib/ modules form a graph without cycles (counted by folder: any file of one module to any file of another).",
      severity: "error",
      scope: "folder",
      from: { path: "^(lib/[^/]+)" },
      to: { circular: true, path: "^lib/", pathNot: "^$1(/|$)" },
    },
    {
      name: "lib-not-above",
      comment: "lib/ is the framework-free core: it never imports the app, components, the emulator or scripts.",
      severity: "error",
      from: { path: "^lib/" },
      to: { path: "^(app|components|emulator|scripts)/" },
    },
    {
      name: "db-not-lib",
      comment: "db/ is the schema and its driver: it never imports lib/ (the app and tests compose them).",
      severity: "error",
      from: { path: "^db/" },
      to: { path: "^lib/" },
    },
    {
      name: "through-index",
      comment: "Another lib module is imported through its entries (index.ts, a sub-barrel's index.ts, client.ts).",
      severity: "error",
      from: { path: "^lib/([^/]+)/" },
      to: { path: "^lib/[^/]+/", pathNot: ["^lib/$1/", ...ENTRIES] },
    },
    {
      name: "through-index",
      comment: "Outside lib/, a lib module is imported through its entries (index.ts, a sub-barrel's index.ts, client.ts).",
      severity: "error",
      from: { pathNot: "^lib/" },
      to: { path: "^lib/[^/]+/", pathNot: ENTRIES },
    },
    {
      name: "testing-only-in-tests",
      comment: "testing/ helpers serve tests; the product never imports them.",
      severity: "error",
      from: { pathNot: "/testing/" },
      to: { path: "^lib/[^/]+/testing/" },
    },
    {
      name: "client-entry-server-free",
      comment: "A module's client.ts is loaded by browsers: it never reaches the database.",
      severity: "error",
      from: { path: "^lib/[^/]+/client\\.ts$" },
      to: { path: "^db/", reachable: true },
    },
    {
      name: "layer-foundations",
      comment: "Foundations (config, clock, calendar, crypto, i18n) import no other lib module above them.",
      severity: "error",
      from: { path: FOUNDATIONS },
      to: { path: "^lib/", pathNot: FOUNDATIONS },
    },
    {
      name: "layer-infrastructure",
      comment: "Infrastructure (audit, jobs, realtime, line-api) imports only foundations and itself: it knows no domain.",
      severity: "error",
      from: { path: INFRASTRUCTURE },
      to: { path: "^lib/", pathNot: [FOUNDATIONS, INFRASTRUCTURE] },
    },
    {
      name: "layer-domain",
      comment: "The domain never imports the LINE inbound adapter (lib/line): the adapter calls the domain.",
      severity: "error",
      from: { path: "^lib/", pathNot: ["^lib/line/", "/testing/"] },
      to: { path: "^lib/line/" },
    },
    {
      name: "components-not-routes",
      comment: "Components take server actions from app/_actions/ (or as props), never from a route folder.",
      severity: "error",
      from: { path: "^components/" },
      to: { path: "^app/", pathNot: "^app/_actions/" },
    },
    {
      name: "product-not-emulator",
      comment: "The emulator plays LINE beside the product; the product never imports it.",
      severity: "error",
      from: { path: "^(app|components|lib|db)/" },
      to: { path: "^emulator/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: ["\\.test\\.tsx?$", "^tests/fixtures/"] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default", "types"], extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"] },
    skipAnalysisNotInRules: true,
  },
};
