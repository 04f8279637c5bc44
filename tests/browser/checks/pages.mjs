// Every page kind loads cleanly, has the heading structure the theme promises and passes
// axe-core: all rules in the light scheme, and colour contrast (the one rule a scheme changes)
// in the dark one. Each page is loaded once per scheme; the three checks report from that pass.
import { createRequire } from "node:module";
import { PAGES, newTab } from "../lib/pages.mjs";

// Served by the test server at this path (theme.test.mjs), so Chromium compiles it once.
export const AXE_URL = "/__bengal_test__/axe.min.js";
export const AXE_FILE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const SCHEMES = [{ scheme: "light", rules: null }, { scheme: "dark", rules: ["color-contrast"] }];

function headings() {
  const h1s = [...document.querySelectorAll("h1")];
  const first = document.querySelector("h1,h2,h3,h4,h5,h6");
  const main = document.querySelector("main#main");
  return {
    h1s: h1s.length,
    inMain: h1s.length === 1 && !!main && main.contains(h1s[0]),
    before: first && first.tagName !== "H1"
      ? `<${first.tagName.toLowerCase()}> "${first.textContent.trim().slice(0, 60)}"` : "",
  };
}

async function axeViolations(page, rules) {
  await page.addScriptTag({ url: AXE_URL });
  return page.evaluate(async (rules) => {
    const options = { resultTypes: ["violations"] };
    if (rules) options.runOnly = { type: "rule", values: rules };
    const result = await window.axe.run(document, options);
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.length,
      targets: v.nodes.slice(0, 3).map((n) => n.target.join(" ") +
        (n.failureSummary ? ` (${n.failureSummary.split("\n").slice(1).join(" ").replace(/\s+/g, " ").trim().slice(0, 160)})` : "")),
    }));
  }, rules);
}

const describe = (v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes} element(s)), e.g.\n  ${v.targets.join("\n  ")}`;

export async function checkPages(report, browser, origin) {
  const seen = [];  // { page, scheme, problems, headings, violations }
  await report.run("every page kind loads without console errors or failed requests", async (check) => {
    const tab = await newTab(browser, origin);
    for (const { scheme, rules } of SCHEMES) {
      await tab.page.emulateMediaFeatures([{ name: "prefers-color-scheme", value: scheme }]);
      for (const p of PAGES) {
        check.page = p.path;
        const problems = [...(await tab.open(p.path, p.status))];
        const structure = await tab.page.evaluate(headings);
        const violations = await axeViolations(tab.page, rules);
        // Problems after load: timers and fetches the page's scripts started meanwhile.
        problems.push(...tab.problems.filter((x) => !problems.includes(x)));
        seen.push({ page: p, scheme, problems, structure, violations });
        if (problems.length)
          check.fail(p.path, `a clean load of the ${p.kind} page (${scheme} scheme)`, problems.join("\n"));
      }
    }
    await tab.page.close();
  });

  await report.run("every page kind has one <h1>, inside main#main, with no heading before it", async (check) => {
    for (const { page: p, structure: s } of seen.filter((x) => x.scheme === "light")) {
      if (s.h1s !== 1 || !s.inMain || s.before)
        check.fail(p.path, `the ${p.kind} page: exactly one <h1>, inside main#main, and no heading before it`,
          `${s.h1s} <h1> element(s)${s.h1s === 1 && !s.inMain ? ", outside main#main" : ""}` +
          (s.before ? `; the first heading is ${s.before}` : ""));
    }
  });

  await report.run("axe-core: no serious or critical violations on any page kind (light; contrast also dark)", async (check) => {
    for (const { page: p, scheme, violations } of seen) {
      const bad = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      if (bad.length)
        check.fail(p.path, `no serious or critical axe-core violations (${p.kind} page, ${scheme} scheme)`,
          bad.map(describe).join("\n"));
      for (const v of violations.filter((v) => !bad.includes(v))) check.note(`${p.path} (${scheme}): ${describe(v)}`);
    }
  });
}
