// Browser tests of the default theme (issue 16): builds examples/site with the bengal under
// test, serves it on 127.0.0.1 and drives Debian's chromium through puppeteer-core. Each check
// prints PASS or FAIL on its own, a failure with the page, what was expected and what happened;
// the exit status is 1 when any check failed. Run by CTest (tests/browser/CMakeLists.txt):
//   node tests/browser/theme.test.mjs --bengal build/bengal --site examples/site \
//     --tmp build/test-tmp --screenshots build/browser-screenshots [--only search,menu]
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { checkNodeModules } from "./lib/deps.mjs";

// Before anything imports puppeteer-core: a missing or stale node_modules gets a message that
// says what to run, not a module resolution error.
checkNodeModules();
const { findChromium, launch } = await import("./lib/browser.mjs");
const { Report } = await import("./lib/report.mjs");
const { serve } = await import("./lib/server.mjs");
const { PAGES } = await import("./lib/pages.mjs");
const { AXE_FILE, AXE_URL, checkPages } = await import("./checks/pages.mjs");
const { checkSearch } = await import("./checks/search.mjs");
const { checkMenu } = await import("./checks/menu.mjs");
const { checkTabsAndCopy } = await import("./checks/tabs_copy.mjs");
const { checkThemeToggle } = await import("./checks/theme_toggle.mjs");
const { takeScreenshots } = await import("./checks/screenshots.mjs");

const here = path.dirname(fileURLToPath(import.meta.url));
const { values: args } = parseArgs({
  options: {
    bengal: { type: "string" },
    site: { type: "string", default: path.join(here, "../../examples/site") },
    tmp: { type: "string", default: process.env.BENGAL_TEST_TMP || "/tmp" },
    screenshots: { type: "string" },
    only: { type: "string" },  // comma-separated group names, for a quick rerun
  },
});

const GROUPS = {
  pages: checkPages,
  tabs: checkTabsAndCopy,
  toggle: checkThemeToggle,
  menu: checkMenu,
  search: checkSearch,
  screenshots: (report, browser, origin) => takeScreenshots(report, browser, origin, args.screenshots),
};

function die(message) {
  console.error(`error: ${message}`);
  process.exit(1);
}

async function main() {
  if (!args.bengal) die("--bengal PATH (the bengal binary under test) is required");
  if (!args.screenshots) delete GROUPS.screenshots;
  const only = args.only ? args.only.split(",") : Object.keys(GROUPS);
  for (const g of only) if (!GROUPS[g]) die(`unknown group "${g}" (groups: ${Object.keys(GROUPS).join(", ")})`);
  const chromium = findChromium();
  if (!chromium) die("chromium is not installed; run scripts/install-deps.sh");

  mkdirSync(args.tmp, { recursive: true });
  const work = mkdtempSync(path.join(path.resolve(args.tmp), "browser-"));
  const out = path.join(work, "public");
  const build = spawnSync(args.bengal, ["build", args.site, "--output", out, "--quiet"], { encoding: "utf8" });
  if (build.status !== 0) die(`bengal build ${args.site} failed (${build.status}):\n${build.stdout}${build.stderr}`);

  const server = await serve(out, { extra: { [AXE_URL]: AXE_FILE } });
  const browser = await launch(chromium, work);
  const report = new Report(server.origin);
  console.log(`site ${args.site} built into ${out}, served at ${server.origin}; chromium ${await browser.version()}`);
  console.log(`page kinds: ${PAGES.map((p) => `${p.kind} ${p.path}`).join(", ")}`);
  try {
    for (const g of only) await GROUPS[g](report, browser, server.origin);
  } finally {
    await browser.close();
    await server.stop();
  }
  console.log(report.summary());
  if (report.failed.length) {
    console.log(`(the built site is kept in ${out})`);
    process.exit(1);
  }
  rmSync(work, { recursive: true, force: true });
}

main().catch((e) => die(e?.stack || String(e)));
