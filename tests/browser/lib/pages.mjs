// The page kinds of examples/site that the checks visit, and opening a page while recording
// what went wrong in it (console errors, uncaught exceptions, failed or refused requests).

// One page of every kind the default theme renders; `status` is the HTTP status expected for the
// page itself (the server answers unknown paths with 404.html and 404).
export const PAGES = [
  { kind: "home", path: "/" },
  { kind: "section list", path: "/docs/" },
  { kind: "dated section list", path: "/blog/" },
  { kind: "page", path: "/docs/guide/installation/" },
  { kind: "page with tabs, code, admonitions and a TOC", path: "/docs/writing-rich-content/" },
  { kind: "term", path: "/tags/guide/" },
  { kind: "terms", path: "/tags/" },
  { kind: "404", path: "/no-such-page/", status: 404 },
];
export const RICH_PAGE = "/docs/writing-rich-content/";
export const PLAIN_PAGE = "/docs/guide/installation/";

// A new tab of `browser` (or of a browser context) at `viewport` that records its problems; `open(path)` loads a page and resolves to
// the problems seen while it loaded and ran (the list keeps growing while the tab is used).
export async function newTab(browser, origin, viewport = { width: 1280, height: 900 }) {
  const page = await browser.newPage();
  await page.setViewport(viewport);
  const problems = [];
  let expectedStatus = 200;
  let documentUrl = "";
  page.on("console", (msg) => {
    if (msg.type() === "error") {
      const where = msg.location()?.url ? ` (${msg.location().url}:${msg.location().lineNumber ?? "?"})` : "";
      // A 404 document logs "Failed to load resource" for itself: that one is expected.
      if (expectedStatus === 404 && msg.text().includes("404") && msg.location()?.url === documentUrl) return;
      problems.push(`console error: ${msg.text()}${where}`);
    }
  });
  page.on("pageerror", (err) => problems.push(`uncaught exception: ${err.message}`));
  page.on("requestfailed", (req) => {
    problems.push(`request failed: ${req.url()} (${req.failure()?.errorText ?? "unknown"})`);
  });
  page.on("response", (res) => {
    const own = res.url() === documentUrl;
    if (own ? res.status() !== expectedStatus : res.status() >= 400)
      problems.push(`HTTP ${res.status()} for ${res.url()}${own ? ` (expected ${expectedStatus})` : ""}`);
  });
  return {
    page,
    problems,
    async open(path, status = 200) {
      expectedStatus = status;
      documentUrl = origin + path;
      problems.length = 0;
      await page.goto(documentUrl, { waitUntil: "load", timeout: 15000 });
      return problems;
    },
  };
}

// Polls `fn` in the page until it returns a truthy value or `ms` pass; resolves to that value,
// or to null on timeout (the caller reports what it expected).
export async function waitFor(page, fn, ms = 3000, ...args) {
  try {
    const handle = await page.waitForFunction(fn, { timeout: ms, polling: 25 }, ...args);
    return await handle.jsonValue();
  } catch (e) {
    if (e?.name === "TimeoutError") return null;
    throw e;
  }
}
