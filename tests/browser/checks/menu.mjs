// The mobile menu at 390x844: button.menu-toggle (aria-controls="site-menu") opens and closes
// nav#site-menu, reports it in aria-expanded, and Escape closes it and returns focus to the
// button. On a wide screen the button is hidden and the menu shows.
import { PLAIN_PAGE, newTab } from "../lib/pages.mjs";

export const PHONE = { width: 390, height: 844, isMobile: true, hasTouch: true, deviceScaleFactor: 1 };

function menuState() {
  const visible = (el) => {
    if (!el) return false;
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    return style.display !== "none" && style.visibility !== "hidden" && box.width > 0 && box.height > 0;
  };
  const button = document.querySelector("header.site-header button.menu-toggle");
  const menu = document.getElementById("site-menu");
  return {
    button: !!button,
    buttonVisible: visible(button),
    controls: button?.getAttribute("aria-controls") ?? null,
    expanded: button?.getAttribute("aria-expanded") ?? null,
    menu: !!menu && menu.matches("nav.site-menu"),
    menuVisible: visible(menu),
    focusOnButton: !!button && document.activeElement === button,
  };
}

const show = (s) => `button ${s.button ? (s.buttonVisible ? "visible" : "hidden") : "missing"}, ` +
  `aria-controls=${JSON.stringify(s.controls)}, aria-expanded=${JSON.stringify(s.expanded)}, ` +
  `nav#site-menu ${s.menu ? (s.menuVisible ? "visible" : "hidden") : "missing"}, ` +
  `focus ${s.focusOnButton ? "on" : "not on"} the button`;

export async function checkMenu(report, browser, origin) {
  await report.run("mobile menu at 390x844 opens and closes; Escape closes it and returns focus", async (check) => {
    const tab = await newTab(browser, origin, PHONE);
    const page = tab.page;
    check.page = PLAIN_PAGE;
    await tab.open(PLAIN_PAGE);
    const expect = async (what, want) => {
      const s = await page.evaluate(menuState);
      const wrong = Object.entries(want).filter(([k, v]) => s[k] !== v);
      if (wrong.length)
        check.fail(PLAIN_PAGE, `${what}: ${wrong.map(([k, v]) => `${k}=${v}`).join(", ")}`, show(s));
      return !wrong.length;
    };
    if (!(await expect("closed at first", { button: true, buttonVisible: true, controls: "site-menu", expanded: "false", menu: true, menuVisible: false })))
      return;
    await page.click("button.menu-toggle");
    await new Promise((r) => setTimeout(r, 400));  // past any opening transition
    await expect("after a click on the button", { expanded: "true", menuVisible: true });
    await page.click("button.menu-toggle");
    await new Promise((r) => setTimeout(r, 400));
    await expect("after a second click", { expanded: "false", menuVisible: false });
    await page.click("button.menu-toggle");
    await page.keyboard.press("Tab");  // focus into the menu, as a keyboard user would
    await page.keyboard.press("Escape");
    await new Promise((r) => setTimeout(r, 400));
    await expect("after opening, Tab and Escape", { expanded: "false", menuVisible: false, focusOnButton: true });
    await page.close();
  });

  await report.run("wide screen (1280x900): the menu shows and its button is hidden", async (check) => {
    const tab = await newTab(browser, origin);
    check.page = PLAIN_PAGE;
    await tab.open(PLAIN_PAGE);
    const s = await tab.page.evaluate(menuState);
    if (s.buttonVisible || !s.menuVisible)
      check.fail(PLAIN_PAGE, "nav#site-menu visible, button.menu-toggle hidden", show(s));
    await tab.page.close();
  });
}
