// Starts Debian's chromium (scripts/install-deps.sh installs it) headless through
// puppeteer-core, with a fresh profile that is removed again on close.
import { mkdtempSync, rmSync } from "node:fs";
import { execFileSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import puppeteer from "puppeteer-core";

// Chromium from BENGAL_CHROMIUM, else the first `chromium` on PATH; null when there is none.
export function findChromium() {
  if (process.env.BENGAL_CHROMIUM) return process.env.BENGAL_CHROMIUM;
  try {
    return execFileSync("sh", ["-c", "command -v chromium || command -v chromium-browser"], {
      encoding: "utf8",
    }).split("\n")[0].trim() || null;
  } catch {
    return null;
  }
}

// Without the background-networking flags Chromium keeps dialling Google's services, and a
// machine with a closed network refuses those connections with errors in the log; QUIC and the
// GPU are off for the same reason and because a container has no GPU.
// puppeteer adds --headless and the profile flag itself (userDataDir below).
const FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
  "--hide-scrollbars",
  "--font-render-hinting=none",
];

export async function launch(executablePath, tmpRoot = os.tmpdir()) {
  const profile = mkdtempSync(path.join(tmpRoot, "chromium-profile-"));
  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    userDataDir: profile,
    args: FLAGS,
    defaultViewport: { width: 1280, height: 900 },
    protocolTimeout: 30000,
  });
  const close = browser.close.bind(browser);
  browser.close = async () => {
    try {
      await close();
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  };
  return browser;
}
