// The search box (contract: input#search-input, a #search-results listbox of a.search-result
// options): finds a page by a word of its body and by its title, the arrow keys select a result
// and Enter opens it, Escape closes the results.
import { newTab, waitFor } from "../lib/pages.mjs";

const FROM = "/";
// Words of examples/site: "compact" is only in the body of the streaming-builds post.
export const BODY_QUERY = { query: "compact", target: "/blog/streaming-builds/" };
export const TITLE_QUERY = { query: "Installation", target: "/docs/guide/installation/" };

// The paths and selection of the results shown, or null while none is visible.
function results() {
  const box = document.querySelector("#search-results");
  if (!box || box.hidden || box.getClientRects().length === 0) return null;
  const links = [...box.querySelectorAll("a.search-result")];
  if (!links.length) return null;
  return links.map((a) => ({
    path: new URL(a.href, location.href).pathname,
    text: a.textContent.trim().replace(/\s+/g, " ").slice(0, 80),
    selected: a.getAttribute("aria-selected") === "true",
    role: a.getAttribute("role"),
  }));
}

async function typeQuery(page, query) {
  const input = await page.$("input#search-input");
  await input.click({ clickCount: 3 });
  await page.keyboard.press("Backspace");
  await input.type(query, { delay: 20 });
  return input;
}

// Types `query` and waits for a result linking to `target`; resolves to the results shown.
async function search(page, query, target) {
  await typeQuery(page, query);
  return waitFor(page, (target) => {
    const r = window.__bengalTestResults();
    return r && r.some((x) => x.path === target) ? r : null;
  }, 4000, target);
}

const shown = (page) => page.evaluate(results);
const list = (r) => (r ? r.map((x) => `${x.path} "${x.text}"${x.selected ? " [selected]" : ""}`).join("\n") : "no results shown");

export async function checkSearch(report, browser, origin) {
  const tab = await newTab(browser, origin);
  const page = tab.page;
  // results() in every document the tab loads, for the polls of waitFor.
  await page.evaluateOnNewDocument(`window.__bengalTestResults = ${results.toString()};`);
  let present = false;
  await report.run("search box is on the page (input#search-input, #search-results)", async (check) => {
    check.page = FROM;
    await tab.open(FROM);
    const got = await page.evaluate(() => ({
      input: !!document.querySelector("input#search-input"),
      results: !!document.querySelector("#search-results"),
      role: document.querySelector("#search-results")?.getAttribute("role") ?? null,
      form: !!document.querySelector('form.search[role="search"] input#search-input'),
    }));
    present = got.input && got.results;
    if (!got.input || !got.results || got.role !== "listbox" || !got.form)
      check.fail(FROM, 'form.search[role="search"] holding input#search-input, and #search-results with role="listbox"',
        JSON.stringify(got));
  });
  if (!present) {
    console.log("      (skipping the other search checks: there is no search box)");
    await page.close();
    return;
  }

  for (const [what, q] of [["a word of its body", BODY_QUERY], ["its title", TITLE_QUERY]]) {
    await report.run(`search finds a page by ${what} ("${q.query}")`, async (check) => {
      check.page = FROM;
      await tab.open(FROM);
      const found = await search(page, q.query, q.target);
      if (!found) {
        check.fail(FROM, `a.search-result linking to ${q.target} within 4 s of typing "${q.query}"`, list(await shown(page)));
        return;
      }
      const hit = found.find((x) => x.path === q.target);
      if (!hit.text) check.fail(FROM, `the result for ${q.target} shows its title`, "an empty result");
      if (hit.role !== "option") check.fail(FROM, 'results have role="option"', `role=${JSON.stringify(hit.role)}`);
    });
  }

  await report.run("search: ArrowDown selects a result, Enter opens it", async (check) => {
    check.page = FROM;
    await tab.open(FROM);
    const found = await search(page, BODY_QUERY.query, BODY_QUERY.target);
    if (!found) {
      check.fail(FROM, `a result linking to ${BODY_QUERY.target}`, list(await shown(page)));
      return;
    }
    let r = found;
    for (let i = 0; i <= found.length && !r?.some((x) => x.selected && x.path === BODY_QUERY.target); i++) {
      await page.keyboard.press("ArrowDown");
      r = await shown(page);
    }
    const selected = r?.filter((x) => x.selected) ?? [];
    if (selected.length !== 1 || selected[0].path !== BODY_QUERY.target) {
      check.fail(FROM, `ArrowDown moves aria-selected="true" onto the result for ${BODY_QUERY.target}`, list(r));
      return;
    }
    // Up and back down again: the selection follows.
    if (found.length > 1) {
      await page.keyboard.press("ArrowUp");
      const up = await shown(page);
      if (up?.find((x) => x.selected)?.path === BODY_QUERY.target)
        check.fail(FROM, "ArrowUp moves the selection off the result", list(up));
      await page.keyboard.press("ArrowDown");
    }
    await Promise.all([
      page.waitForNavigation({ timeout: 5000 }).catch(() => null),
      page.keyboard.press("Enter"),
    ]);
    const now = new URL(page.url()).pathname;
    if (now !== BODY_QUERY.target) check.fail(FROM, `Enter opens ${BODY_QUERY.target}`, `the browser is at ${now}`);
  });

  await report.run("search: Escape closes the results", async (check) => {
    check.page = FROM;
    await tab.open(FROM);
    if (!(await search(page, BODY_QUERY.query, BODY_QUERY.target))) {
      check.fail(FROM, "results to close", list(await shown(page)));
      return;
    }
    await page.keyboard.press("Escape");
    const closed = await waitFor(page, () => window.__bengalTestResults() === null, 1000);
    if (!closed) check.fail(FROM, "no results shown after Escape", list(await shown(page)));
  });
  await page.close();
}
