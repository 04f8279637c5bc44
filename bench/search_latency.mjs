// Search latency and transfer of the default theme's search box, in headless Chromium (issue 16
// targets: a result within 200 ms of the last keystroke; the first search transfers <= 300 KB).
//
//   python3 bench/corpus/generate.py /tmp/c50k --pages 50000
//   ./build/bengal build /tmp/c50k -o /tmp/c50k-out -q
//   node bench/search_latency.mjs /tmp/c50k-out [--query memory] [--runs 5] [--page /]
//
// Each run opens the page in a fresh browser context (empty cache), waits for the load, then
// types the query key by key (30 ms apart, a fast typist) into input#search-input. The page
// itself records the time of the last keydown and of the first change to #search-results after
// it that shows an a.search-result, so the latency is measured on the page's clock, without
// the DevTools round trips. Bytes are the encoded (transferred) lengths of every response as
// the network events report them: "page" for the load, "search" for everything requested from
// the first keystroke until the network has been quiet for 500 ms after the first result.
// Needs tests/browser's npm packages (scripts/install-deps.sh).
import { parseArgs } from "node:util";
import path from "node:path";
import { checkNodeModules } from "../tests/browser/lib/deps.mjs";

checkNodeModules();
const { findChromium, launch } = await import("../tests/browser/lib/browser.mjs");
const { serve } = await import("../tests/browser/lib/server.mjs");

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    query: { type: "string", multiple: true },
    runs: { type: "string", default: "5" },
    page: { type: "string", default: "/" },
    delay: { type: "string", default: "30" },
  },
});
if (positionals.length !== 1) {
  console.error("usage: node bench/search_latency.mjs BUILT_SITE_DIR [--query WORD]... [--runs N] [--page PATH]");
  process.exit(2);
}
const queries = args.query ?? ["memory"];  // a word of bench/corpus/generate.py's vocabulary
const runs = Number(args.runs);

// Installed before the page's scripts: records the last keydown on the search box and the first
// time results show after it.
function instrument() {
  window.__bench = { lastKey: -1, firstResult: -1, results: 0 };
  document.addEventListener("keydown", (e) => {
    if (e.target && e.target.id === "search-input") {
      window.__bench.lastKey = performance.now();
      window.__bench.firstResult = -1;
    }
  }, true);
  const seen = () => {
    const box = document.getElementById("search-results");
    const n = box ? box.querySelectorAll("a.search-result").length : 0;
    if (n && window.__bench.lastKey >= 0 && window.__bench.firstResult < 0) {
      window.__bench.firstResult = performance.now();
      window.__bench.results = n;
    }
  };
  new MutationObserver(seen).observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
}

async function once(browser, origin, query) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  const cdp = await page.createCDPSession();
  await cdp.send("Network.enable");
  const bytes = { page: 0, search: 0 };
  const requests = { page: [], search: [] };
  let phase = "page";
  let lastActivity = Date.now();
  const urls = new Map();
  cdp.on("Network.requestWillBeSent", (e) => {
    urls.set(e.requestId, { url: e.request.url, phase });
    lastActivity = Date.now();
  });
  cdp.on("Network.loadingFinished", (e) => {
    const r = urls.get(e.requestId);
    if (!r) return;
    bytes[r.phase] += e.encodedDataLength;
    requests[r.phase].push(`${new URL(r.url).pathname} ${e.encodedDataLength} B`);
    lastActivity = Date.now();
  });
  await page.evaluateOnNewDocument(instrument);
  await page.goto(origin + args.page, { waitUntil: "networkidle0", timeout: 60000 });
  if (!(await page.$("input#search-input"))) throw new Error(`no input#search-input on ${args.page}`);
  await page.focus("input#search-input");
  phase = "search";
  for (const ch of query) {
    await page.keyboard.type(ch);
    await new Promise((r) => setTimeout(r, Number(args.delay)));
  }
  await page.waitForFunction(() => window.__bench.firstResult >= 0, { timeout: 10000, polling: 10 })
    .catch(() => { throw new Error(`no a.search-result within 10 s of typing "${query}"`); });
  while (Date.now() - lastActivity < 500) await new Promise((r) => setTimeout(r, 100));
  const m = await page.evaluate(() => window.__bench);
  await context.close();
  return { latency: m.firstResult - m.lastKey, results: m.results, bytes, requests };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

const server = await serve(path.resolve(positionals[0]));
const browser = await launch(findChromium());
try {
  for (const query of queries) {
    const all = [];
    for (let i = 0; i < runs; i++) all.push(await once(browser, server.origin, query));
    const lat = all.map((r) => r.latency);
    console.log(`query "${query}" on ${args.page}, ${runs} runs (fresh cache each):`);
    console.log(`  last keystroke -> first result: median ${median(lat).toFixed(0)} ms, max ${Math.max(...lat).toFixed(0)} ms (target <= 200 ms)`);
    console.log(`  search transfer: median ${kb(median(all.map((r) => r.bytes.search)))}, max ${kb(Math.max(...all.map((r) => r.bytes.search)))} (target <= 300 KB); page load ${kb(median(all.map((r) => r.bytes.page)))}`);
    console.log(`  results shown: ${all[0].results}; search requests of run 1:\n    ${all[0].requests.search.join("\n    ") || "(none)"}`);
  }
} finally {
  await browser.close();
  await server.stop();
}
