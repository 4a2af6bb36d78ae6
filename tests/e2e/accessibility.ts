import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { expect } from "vitest";

// The accessibility checks every page gets in the e2e tier: at a 390 px phone width, nothing is
// wider than the screen, and axe-core (WCAG 2 A and AA rules, contrast included) finds no
// violation, in light and in dark mode. axe runs through Playwright's evaluate, which the page's
// Content-Security-Policy does not apply to.

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve("axe-core/axe.min.js"),
  "utf8",
);

type Violation = {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
};

/** `open` puts the page in the state to check after each load (e.g. the player opened). */
export async function expectAccessible(
  page: Page,
  url: string,
  open?: (page: Page) => Promise<void>,
): Promise<void> {
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  try {
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      await page.goto(url);
      await open?.(page);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow, `${url} is wider than a 390 px screen (${colorScheme})`).toBeLessThanOrEqual(
        0,
      );
      const violations = await axeViolations(page);
      expect(violations, `${url} (${colorScheme}): ${describe(violations)}`).toEqual([]);
    }
  } finally {
    await page.emulateMedia({ colorScheme: "light" });
    if (viewport) await page.setViewportSize(viewport);
  }
}

async function axeViolations(page: Page): Promise<Violation[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is a global the script above defines.
    const axe = (window as any).axe;
    const result = await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    });
    return result.violations.map((v: Violation) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target })),
    }));
  });
}

function describe(violations: Violation[]): string {
  return violations
    .map(
      (v) => `${v.id} (${v.impact}): ${v.help} at ${JSON.stringify(v.nodes.map((n) => n.target))}`,
    )
    .join("; ");
}
