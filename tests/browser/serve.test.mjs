// `bengal serve` in headless Chromium (issue 17): serves a copy of examples/site, opens its
// home page, edits the page's source and expects the tab to reload by itself with the new
// text; then overrides the theme's stylesheet and expects the tab to restyle without a
// reload. Prints PASS or FAIL per check; exit status 1 when any failed. Run by CTest
// (tests/browser/CMakeLists.txt):
//   node tests/browser/serve.test.mjs --bengal build/bengal --site examples/site --tmp build/test-tmp
import { spawn } from "node:child_process";
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { checkNodeModules } from "./lib/deps.mjs";

checkNodeModules();
const { findChromium, launch } = await import("./lib/browser.mjs");

const { values: args } = parseArgs({
  options: {
    bengal: { type: "string" },
    site: { type: "string" },
    tmp: { type: "string", default: process.env.BENGAL_TEST_TMP || "/tmp" },
  },
});

function die(message) {
  console.error(`error: ${message}`);
  process.exit(1);
}

// Starts `bengal serve SITE --port 0`; resolves with the process and its origin once it
// prints "Serving ... at http://127.0.0.1:PORT/".
function startServer(site, tmpdir) {
  const child = spawn(args.bengal, ["serve", site, "--port", "0"], {
    env: { ...process.env, TMPDIR: tmpdir },
    stdio: ["ignore", "inherit", "pipe"],
  });
  let log = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`bengal serve did not start:\n${log}`)), 30000);
    child.stderr.on("data", (chunk) => {
      log += chunk;
      process.stderr.write(chunk);
      const m = /at (http:\/\/127\.0\.0\.1:\d+)\//.exec(log);
      if (m) {
        clearTimeout(timer);
        resolve({ child, origin: m[1] });
      }
    });
    child.on("exit", (code) => reject(new Error(`bengal serve exited with ${code}:\n${log}`)));
  });
}

async function main() {
  if (!args.bengal || !args.site) die("--bengal PATH and --site DIR are required");
  const chromium = findChromium();
  if (!chromium) die("chromium is not installed; run scripts/install-deps.sh");
  mkdirSync(args.tmp, { recursive: true });
  const work = mkdtempSync(path.join(path.resolve(args.tmp), "serve-browser-"));
  const site = path.join(work, "site");
  const tmpdir = path.join(work, "tmp");
  cpSync(args.site, site, { recursive: true });
  mkdirSync(tmpdir);

  const { child, origin } = await startServer(site, tmpdir);
  const browser = await launch(chromium, work);
  const failures = [];
  const check = (name, ok, detail) => {
    console.log(`${ok ? "PASS" : "FAIL"} ${name}${ok ? "" : `: ${detail}`}`);
    if (!ok) failures.push(name);
  };
  try {
    const page = await browser.newPage();
    await page.goto(`${origin}/`, { waitUntil: "load" });
    // The event stream is open once the script's EventSource is; give it its first message.
    await page.waitForFunction(() => document.querySelector("script[data-bengal-live-reload]"));
    await new Promise((r) => setTimeout(r, 300));
    await page.evaluate(() => { window.bengalTestMark = "before the edit"; });

    const marker = "Edited while the browser watched";
    const reload = page.waitForNavigation({ timeout: 5000, waitUntil: "load" });
    appendFileSync(path.join(site, "content/_index.md"), `\n${marker}.\n`);
    try {
      await reload;
      const text = await page.evaluate(() => document.body.textContent);
      check("an edit reloads the page with the new text", text.includes(marker), "the reloaded page lacks the new text");
    } catch (e) {
      check("an edit reloads the page with the new text", false, e.message);
    }

    await page.evaluate(() => { window.bengalTestMark = "before the stylesheet"; });
    mkdirSync(path.join(site, "static/assets"), { recursive: true });
    writeFileSync(path.join(site, "static/assets/bengal.css"), "body { background-color: rgb(1, 2, 3); }\n");
    try {
      await page.waitForFunction(() => getComputedStyle(document.body).backgroundColor === "rgb(1, 2, 3)", { timeout: 5000, polling: 50 });
      const mark = await page.evaluate(() => window.bengalTestMark);
      check("a stylesheet edit restyles the page without a reload", mark === "before the stylesheet", `the page reloaded (mark ${mark})`);
    } catch (e) {
      check("a stylesheet edit restyles the page without a reload", false, e.message);
    }
  } finally {
    await browser.close();
    child.kill("SIGINT");
    await new Promise((r) => child.on("exit", r));
  }
  const left = readdirSync(tmpdir);
  check("Ctrl-C removes the preview's files", left.length === 0, `left in ${tmpdir}: ${left.join(", ")}`);
  if (failures.length) {
    console.log(`${failures.length} failed (the site copy is kept in ${site})`);
    process.exit(1);
  }
  console.log("all passed");
  rmSync(work, { recursive: true, force: true });
}

main().catch((e) => die(e?.stack || String(e)));
