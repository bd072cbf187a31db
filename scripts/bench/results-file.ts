import fs from "node:fs";
import os from "node:os";

/** Replaces one benchmark's section of bench/RESULTS.md, leaving the others as they are. */
export function writeResultsSection(name: string, body: string): void {
  const file = "bench/RESULTS.md";
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const current = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "# Benchmark results\n\nWritten by the `npm run bench:*` scripts; each section is replaced when its benchmark runs again.\n";
  const section = `${start}\n${body.trim()}\n${end}`;
  const next = current.includes(start) ? current.replace(new RegExp(`${start}[\\s\\S]*?${end}`), section) : `${current.trimEnd()}\n\n${section}\n`;
  fs.writeFileSync(file, next);
}

export function describeMachine(): string {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  return `${os.cpus().length} cores (${cpu}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
}
