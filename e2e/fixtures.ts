import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";
import { emulatorPort, secureEmulatorPort } from "../playwright.config";

export { expect };

/** Only these fail a test: a person cannot use the page at all (critical) or only with great difficulty (serious). */
const failingImpacts = new Set(["serious", "critical"]);
const emulatorPorts = new Set([String(emulatorPort), String(secureEmulatorPort)]);

export interface AxeFinding {
  url: string;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * axe on what the page shows now. The LINE emulator is not the product: on its phone page only the in-app
 * browser's frame (the youth's LIFF page) is checked, and the phone's own talk view is left out.
 */
export async function findAccessibilityProblems(page: Page): Promise<AxeFinding[]> {
  const url = page.url();
  if (!url.startsWith("http")) return [];
  // A live console page refreshes itself while events arrive, and mid-refresh it can be without its <title>:
  // axe would report what no one sees for long. Waits (at most 5 s, never failing) for no refresh and a title.
  await page
    .waitForFunction(() => document.title !== "" && !document.querySelector('[data-refreshing="yes"]'), undefined, { timeout: 5_000 })
    .catch(() => undefined);
  const builder = new AxeBuilder({ page });
  if (emulatorPorts.has(new URL(url).port)) {
    const frame = page.frames().find((f) => f !== page.mainFrame() && f.url().startsWith("http") && !emulatorPorts.has(new URL(f.url()).port));
    if (!frame) return [];
    builder.include("#browser-frame");
  }
  // axe opens a helper page in the page's context to combine frames' results; a page from browser.newPage() owns
  // its context alone and refuses that, so it is analysed the legacy way, frame by frame in place.
  const { violations } = await builder.analyze().catch((error: unknown) => {
    if (!String(error).includes("browser.newContext()")) throw error;
    return builder.setLegacyMode(true).analyze();
  });
  return violations
    .filter((v) => failingImpacts.has(v.impact ?? ""))
    .map((v) => ({ url, rule: v.id, impact: v.impact ?? "", help: v.help, targets: v.nodes.map((n) => n.target.join(" ")) }));
}

/**
 * Every spec imports `test` and `expect` from here instead of @playwright/test. After each test, axe checks
 * every page the test opened (its own `page` and pages of contexts it made with browser.newContext /
 * browser.newPage) in its final state; a page or context the test closes early is checked just before it
 * closes. Any serious or critical violation fails the test, naming the page, the rule and the elements.
 */
export const test = base.extend<{ axeEveryPage: void }>({
  axeEveryPage: [
    async ({ browser, context, page }, runTest) => {
      const before = new Set(browser.contexts());
      const findings: AxeFinding[] = [];
      const checked = new WeakSet<Page>();
      const check = async (page: Page) => {
        if (checked.has(page) || page.isClosed()) return;
        checked.add(page);
        try {
          findings.push(...(await findAccessibilityProblems(page)));
        } catch (error) {
          // A page mid-navigation cannot be analysed; a crash or a closed target is the test's business, not axe's.
          if (!/navigat|closed|destroyed|detached/i.test(String(error))) throw error;
        }
      };
      const contextProto = Object.getPrototypeOf(context) as BrowserContext;
      const pageProto = Object.getPrototypeOf(page) as Page;
      const closeContext = contextProto.close;
      const closePage = pageProto.close;
      contextProto.close = async function (this: BrowserContext, ...args: Parameters<BrowserContext["close"]>) {
        for (const page of this.pages()) await check(page);
        return closeContext.apply(this, args);
      };
      pageProto.close = async function (this: Page, ...args: Parameters<Page["close"]>) {
        await check(this);
        return closePage.apply(this, args);
      };
      try {
        await runTest();
      } finally {
        contextProto.close = closeContext;
        pageProto.close = closePage;
      }
      const opened = [context, ...browser.contexts().filter((c) => !before.has(c) && c !== context)];
      for (const c of opened) for (const page of c.pages()) await check(page);
      expect(findings, findings.map((f) => `${f.url} ${f.impact} ${f.rule}: ${f.help} (${f.targets.join(", ")})`).join("\n")).toEqual([]);
    },
    { auto: true },
  ],
});
