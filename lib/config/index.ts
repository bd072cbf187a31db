import { envSchema, runtimeEnvSchema, type Env } from "./schema";

export { type Env, type StaffNetwork } from "./schema";

export class ConfigError extends Error {}

/** Formats the first problem as one line that names the variable, so an operator sees it at once. */
function describeIssue(issue: { path: PropertyKey[]; message: string }): string {
  return `Configuration error: ${String(issue.path[0] ?? "environment")} ${issue.message}`;
}

export function parseEnv(source: Record<string, string | undefined>, options: { requireSecrets: boolean }): Env {
  const schema = options.requireSecrets ? runtimeEnvSchema : envSchema;
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ""));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const first = result.error.issues[0];
    throw new ConfigError(first ? describeIssue(first) : "Configuration error");
  }
  return result.data;
}

let cached: Env | undefined;

/** The validated environment of this process, read once. */
export function getConfig(): Env {
  cached ??= parseEnv(process.env, { requireSecrets: process.env.NEXT_PHASE !== "phase-production-build" });
  return cached;
}

export function resetConfigForTests(): void {
  cached = undefined;
}
