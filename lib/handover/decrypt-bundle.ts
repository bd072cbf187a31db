import fs from "node:fs";
import path from "node:path";
import { decryptWith } from "./encryption";
import { HandoverOutputError } from "./export-bundle";

/** Decrypts every `<name>.age` of an encrypted bundle into `<name>` in outDir, ready for `sha256sum -c` and import. */
export async function decryptHandoverBundle(options: { dir: string; outDir: string; identities: string[] }): Promise<string[]> {
  const outDir = path.resolve(options.outDir);
  if (fs.existsSync(outDir) && fs.readdirSync(outDir).length > 0) throw new HandoverOutputError(`${outDir} is not empty: choose a new or empty folder.`);
  const encrypted = fs.readdirSync(options.dir).filter((name) => name.endsWith(".age"));
  if (encrypted.length === 0) throw new HandoverOutputError(`${options.dir} holds no encrypted files (*.age).`);
  fs.mkdirSync(outDir, { recursive: true, mode: 0o700 });
  for (const name of encrypted) {
    const plain = await decryptWith(options.identities, fs.readFileSync(path.join(options.dir, name)));
    fs.writeFileSync(path.join(outDir, name.slice(0, -".age".length)), plain, { mode: 0o600 });
  }
  return encrypted.map((name) => name.slice(0, -".age".length));
}
