// The colour theme toggle: button.theme-toggle cycles system -> light -> dark -> system, keeps
// the choice in data-choice and says it in its accessible name ("Colour theme: light"), applies
// it to the page and remembers it across pages.
import { PLAIN_PAGE, newTab } from "../lib/pages.mjs";

const CYCLE = ["system", "light", "dark", "system"];

async function toggleState(page) {
  const button = await page.$("button.theme-toggle");
  if (!button) return null;
  const ax = await page.accessibility.snapshot({ root: button, interestingOnly: false });
  return page.evaluate((b, name) => {
    const rgb = (c) => (c.match(/[\d.]+/g) || []).slice(0, 4).map(Number);
    let bg = rgb(getComputedStyle(document.body).backgroundColor);
    if (bg.length === 4 && bg[3] === 0) bg = rgb(getComputedStyle(document.documentElement).backgroundColor);
    const luminance = bg.length >= 3 ? (0.2126 * bg[0] + 0.7152 * bg[1] + 0.0722 * bg[2]) / 255 : -1;
    return {
      choice: b.getAttribute("data-choice"),
      name,
      applied: document.documentElement.getAttribute("data-theme"),
      background: luminance < 0 ? "unknown" : luminance > 0.5 ? "light" : "dark",
    };
  }, button, ax?.name ?? "");
}

const show = (s) => `data-choice=${JSON.stringify(s.choice)}, accessible name ${JSON.stringify(s.name)}, ` +
  `html[data-theme]=${JSON.stringify(s.applied)}, ${s.background} background`;

export async function checkThemeToggle(report, browser, origin) {
  await report.run("theme toggle cycles system -> light -> dark -> system and names its state", async (check) => {
    // A context of its own, with empty storage, that takes the stored choice away with it.
    const context = await browser.createBrowserContext();
    const tab = await newTab(context, origin);
    const page = tab.page;
    check.page = PLAIN_PAGE;
    await page.emulateMediaFeatures([{ name: "prefers-color-scheme", value: "dark" }]);
    await tab.open(PLAIN_PAGE);
    // With the system choice the page follows prefers-color-scheme, emulated as dark here.
    const want = (choice) => ({
      choice,
      name: `Colour theme: ${choice}`,
      applied: choice === "system" ? null : choice,
      background: choice === "light" ? "light" : "dark",
    });
    const expect = async (what, choice) => {
      const s = await toggleState(page);
      if (!s) {
        check.fail(PLAIN_PAGE, "button.theme-toggle in the header", "no such button");
        return false;
      }
      const w = want(choice);
      if (Object.keys(w).some((k) => s[k] !== w[k])) check.fail(PLAIN_PAGE, `${what}: ${show(w)}`, show(s));
      return true;
    };
    if (!(await expect("at first (nothing stored)", CYCLE[0]))) {
      await context.close();
      return;
    }
    for (let i = 1; i < CYCLE.length; i++) {
      await page.click("button.theme-toggle");
      await expect(`after click ${i}`, CYCLE[i]);
    }
    // Dark chosen against a light system preference applies, and stays on the next page.
    await page.emulateMediaFeatures([{ name: "prefers-color-scheme", value: "light" }]);
    await page.click("button.theme-toggle");
    await page.click("button.theme-toggle");
    await tab.open("/");
    await expect("on the next page after choosing dark", "dark");
    await context.close();
  });
}
