import { writeFile } from "node:fs/promises";
import path from "node:path";
import { expect, it } from "vitest";
import { gatherModelPage } from "../../src/registry/page/gather.ts";
import { modelPageHtml } from "../../src/registry/page/html.ts";
import { modelPageSections } from "../../src/registry/page/sections.ts";
import { createLocalStore } from "../../src/store/local-store.ts";
import { describeBrowser } from "../helpers/browser.ts";
import { move, registrySetup, truncate } from "./backends.ts";

/**
 * `mlops models report`'s page opened in Debian's Chromium: a model of 60 versions (one damaged) with alias moves and
 * a rollback renders its charts and timeline, logs no error and asks for nothing over the network.
 */

/** The page of a model in a fresh folder registry, written to a file in the test's temporary folder. */
async function writePage(): Promise<string> {
  const setup = await registrySetup((place) => createLocalStore(path.join(place, "registry")));
  const published = [];
  for (let n = 1; n <= 60; n++) {
    published.push(
      await setup.publish({
        metrics: { accuracy: 0.7 + (n % 7) / 100, f1: 0.6 + (n % 5) / 100 },
        // What a user wrote reaches the page as text: no markup of theirs loads or runs anything.
        params: { note: '<img src="https://example.com/x.png"><script>fetch("https://example.com")</script>' },
        runUrl: `https://github.com/acme/churn/actions/runs/${n}`,
      }),
    );
  }
  const at = (day: number) => new Date(Date.UTC(2026, 1, day)).toISOString();
  for (const [i, n] of [0, 10, 20, 30].entries()) {
    const version = published[n]?.version ?? "";
    await setup.registry.moveAlias("churn", "champion", version, move(at(i * 3 + 1), `step ${i}`));
  }
  await setup.registry.rollback("churn", "champion", { at: at(12), actor: "oncall", reason: "worse", runUrl: null });
  await setup.registry.moveAlias("churn", "staging", published[59]?.version ?? "", move(at(13)));
  await truncate(setup.store, `churn/versions/${published[40]?.version ?? ""}/manifest.json`);

  const page = await gatherModelPage(setup.registry, "churn", { now: new Date(at(20)), damaged: setup.damaged });
  const file = path.join(setup.dir, "churn.html");
  await writeFile(file, modelPageHtml(page, modelPageSections(page, { primaryMetric: "accuracy" })));
  return file;
}

describeBrowser("the model page in Chromium", (browser) => {
  it("renders the charts and the alias timeline, with no errors and no requests", async () => {
    const opened = await browser.open(await writePage());
    expect(opened.consoleErrors).toEqual([]);
    expect(opened.pageErrors).toEqual([]);
    expect(opened.requests).toEqual([]);
    expect(opened.scripts).toBe(0);
    expect(opened.title).toBe("Model churn");
    expect(opened.headings).toEqual([
      "Model churn",
      "⚠️ Model churn warn",
      "✅ Metrics over versions ok",
      "✅ Alias history ok",
      "✅ Versions ok",
      "✅ Version cards ok",
    ]);
    // Two metric charts and the timeline, each drawn at a readable size.
    expect(opened.svgs.filter((svg) => svg.visible)).toHaveLength(3);
    for (const svg of opened.svgs.filter((s) => s.visible)) {
      expect(svg.width).toBeGreaterThan(200);
      expect(svg.height).toBeGreaterThan(50);
    }
    expect(opened.text).toContain(
      // v41 is damaged: the last 50 readable versions start at v10.
      "accuracy of the last 50 of 59 versions that have it (v10 to v60); the table has all.",
    );
    expect(opened.text).toContain("1 damaged object(s)");
    // The params' markup stayed text: it added no element that loads or runs anything (checked above).
    expect(opened.scrollWidth).toBe(opened.clientWidth);
  });
});
