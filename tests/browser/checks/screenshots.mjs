// Screenshots of the home page, a page and a list at 1280x900 and 390x844, light and dark (the
// system preference, nothing stored), for the docs and for a reviewer's eye.
import path from "node:path";
import { mkdirSync } from "node:fs";
import { RICH_PAGE, newTab } from "../lib/pages.mjs";
import { PHONE } from "./menu.mjs";

export const SHOTS = [
  { name: "home", path: "/" },
  { name: "page", path: RICH_PAGE },
  { name: "list", path: "/docs/" },
];
const SIZES = [{ width: 1280, height: 900 }, PHONE];

export async function takeScreenshots(report, browser, origin, dir) {
  await report.run(`screenshots at 1280x900 and 390x844, light and dark, in ${dir}`, async (check) => {
    mkdirSync(dir, { recursive: true });
    // A context of its own: no theme choice stored by the other checks.
    const context = await browser.createBrowserContext();
    for (const size of SIZES) {
      const tab = await newTab(context, origin, size);
      for (const scheme of ["light", "dark"]) {
        await tab.page.emulateMediaFeatures([{ name: "prefers-color-scheme", value: scheme }]);
        for (const shot of SHOTS) {
          check.page = shot.path;
          await tab.open(shot.path);
          await tab.page.evaluate(() => document.fonts.ready);
          const file = path.join(dir, `${shot.name}-${size.width}x${size.height}-${scheme}.png`);
          await tab.page.screenshot({ path: file });
        }
      }
      await tab.page.close();
    }
    await context.close();
  });
}
