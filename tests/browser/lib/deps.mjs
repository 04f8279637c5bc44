// tests/browser/node_modules must match the committed package-lock.json. scripts/install-deps.sh
// runs `npm ci` and then writes the lock file's SHA-256 to node_modules/.bengal-lock-sha256;
// a differing or missing stamp means the modules are missing or stale.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export function checkNodeModules() {
  const want = createHash("sha256").update(readFileSync(path.join(dir, "package-lock.json"))).digest("hex");
  let have = "";
  try {
    have = readFileSync(path.join(dir, "node_modules/.bengal-lock-sha256"), "utf8").trim();
  } catch {
    // no stamp: never installed
  }
  if (have !== want) {
    console.error(`error: ${path.join(dir, "node_modules")} is ${have ? "out of date with" : "not installed from"} ` +
      "package-lock.json: run scripts/install-deps.sh");
    process.exit(1);
  }
}
