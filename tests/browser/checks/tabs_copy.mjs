// Tabs switch panes on click and with the arrow keys; a code block's copy button copies its code
// (line numbers left out) to the clipboard and says so.
import { RICH_PAGE, newTab, waitFor } from "../lib/pages.mjs";

// The state of the first tab set: which tab is selected and focused, which panes show.
function tabState() {
  const nav = document.querySelector('.tab-nav[role="tablist"]');
  if (!nav) return null;
  const tabs = [...nav.querySelectorAll('a[role="tab"]')];
  return {
    count: tabs.length,
    selected: tabs.map((t) => t.getAttribute("aria-selected") === "true"),
    focused: tabs.indexOf(document.activeElement),
    shown: tabs.map((t) => {
      const pane = document.getElementById(t.getAttribute("aria-controls") || "");
      return !!pane && getComputedStyle(pane).display !== "none" && pane.getClientRects().length > 0;
    }),
  };
}

const only = (n, i) => Array.from({ length: n }, (_, k) => k === i);
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

export async function checkTabsAndCopy(report, browser, origin) {
  await report.run("tabs switch panes on click and with the arrow keys", async (check) => {
    const tab = await newTab(browser, origin);
    const page = tab.page;
    check.page = RICH_PAGE;
    await tab.open(RICH_PAGE);
    let state = await page.evaluate(tabState);
    if (!state || state.count < 2) {
      check.fail(RICH_PAGE, '.tab-nav[role="tablist"] with at least two a[role="tab"]',
        state ? `${state.count} tab(s)` : "no tab list (did bengal.js run?)");
      return;
    }
    const n = state.count;
    const expectState = (what, index, focused) => {
      const want = { selected: only(n, index), shown: only(n, index) };
      const got = { selected: state.selected, shown: state.shown };
      if (!same(want, got) || (focused && state.focused !== index))
        check.fail(RICH_PAGE, `${what}: tab ${index + 1} of ${n} selected${focused ? " and focused" : ""}, only its pane shown`,
          `selected ${JSON.stringify(state.selected)}, panes shown ${JSON.stringify(state.shown)}, focused tab ${state.focused + 1}`);
    };
    const tabs = await page.$$('.tab-nav[role="tablist"] a[role="tab"]');
    const start = state.selected.indexOf(true);
    const target = (start + 1) % n;
    await tabs[target].click();
    state = await page.evaluate(tabState);
    expectState(`after a click on tab ${target + 1}`, target, false);
    await tabs[target].focus();
    await page.keyboard.press("ArrowRight");
    state = await page.evaluate(tabState);
    expectState("after ArrowRight", (target + 1) % n, true);
    await page.keyboard.press("ArrowLeft");
    state = await page.evaluate(tabState);
    expectState("after ArrowLeft", target, true);
    await page.close();
  });

  await report.run("a code block's copy button copies its code", async (check) => {
    await browser.defaultBrowserContext().overridePermissions(origin,
      ["clipboard-read", "clipboard-write", "clipboard-sanitized-write"]);
    const tab = await newTab(browser, origin);
    const page = tab.page;
    check.page = RICH_PAGE;
    await tab.open(RICH_PAGE);
    await page.bringToFront();
    const buttons = await page.$$("button.code-copy");
    if (!buttons.length) {
      check.fail(RICH_PAGE, "button.code-copy on every code block", "no copy button");
      return;
    }
    const expected = await buttons[0].evaluate((b) => {
      const code = b.parentNode.querySelector("pre > code").cloneNode(true);
      code.querySelectorAll(".linenos").forEach((n) => n.remove());
      return code.textContent;
    });
    await buttons[0].click();
    const stateAttr = await waitFor(page, (b) => b.getAttribute("data-state"), 3000, buttons[0]);
    const label = await buttons[0].evaluate((b) => b.textContent);
    if (stateAttr !== "copied")
      check.fail(RICH_PAGE, 'the button says "Copied" (data-state="copied")',
        `data-state=${JSON.stringify(stateAttr)}, text ${JSON.stringify(label)}`);
    const copied = await page.evaluate(() => navigator.clipboard.readText().catch((e) => `(clipboard unreadable: ${e.message})`));
    if (copied !== expected)
      check.fail(RICH_PAGE, `the clipboard holds the code: ${JSON.stringify(expected.slice(0, 80))}`,
        JSON.stringify(copied.slice(0, 120)));
    await page.close();
  });
}
