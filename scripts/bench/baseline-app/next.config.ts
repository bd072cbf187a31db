import path from "node:path";
import type { NextConfig } from "next";

/** The webhook benchmark's baseline app (scripts/bench/webhook.ts builds it); Next is the product's own install. */
const nextConfig: NextConfig = { poweredByHeader: false, turbopack: { root: path.join(import.meta.dirname, "../../..") } };

export default nextConfig;
