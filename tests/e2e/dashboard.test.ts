import { describe, expect, it } from "vitest";
import { hashPassword } from "../../lib/auth/password";
import { db } from "../../lib/db";
import { retrainProject } from "../../lib/rm/service/retrain";
import { promoteVersion } from "../../lib/rm/service/versions";
import { makeLabelers } from "../integration/fixtures";
import { addJudgments, makeLearnableProject } from "../integration/rm-fixtures";
import { appAndBrowserPerFile } from "./fixtures";

// The reward model on the project dashboard, as a data lead sees it in the browser.

const app = appAndBrowserPerFile();

describe("the reward-model section of the dashboard", () => {
  it("shows the serving version, what it reads, its metrics and card, and queues a retrain", async () => {
    const project = await makeLearnableProject({ prompts: 20, candidates: 4 });
    await addJudgments(project, await makeLabelers(project, 2));
    const trained = await retrainProject(project.id, { train: { hidden: 8, maxEpochs: 8 }, log: () => {} });
    expect(trained).toMatchObject({ status: "trained", version: 1 });
    // 18 held-out pairs are too few for a first version to serve by the serving rule: promoted by hand.
    await promoteVersion(project, 1, { id: "test", email: null });
    const [email, password] = [`lead-${project.slug}@example.com`, "lead password 1234"];
    await db().user.create({ data: { email, passwordHash: await hashPassword(password), role: "LEAD" } });

    const context = await app.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${app.server.url}/projects/${project.slug}`);
    await page.waitForURL(/\/login\?callbackUrl=/);
    await page.fill('input[name="email"]', email);
    await page.fill('input[name="password"]', password);
    await page.click('button[type="submit"]');
    await page.waitForURL(`${app.server.url}/projects/${project.slug}`);

    const section = page.locator("#reward-model");
    await expect(section.textContent()).resolves.toMatch(/Serving v1, trained on [\d,]+ judgments/);
    await expect(section.textContent()).resolves.toContain("Reads hashed text: words, word 2-grams");
    const accuracy = section.locator("tr", { hasText: "Accuracy vs. majority vote" }).locator("td").nth(1);
    await expect(accuracy.textContent()).resolves.toMatch(/^\d+\.\d%$/);
    // ONNX downloads are for the ML team; the card is for everyone on staff.
    await expect(section.getByText("Download ONNX").count()).resolves.toBe(0);
    const card = await page.request.get(`${app.server.url}/api/projects/${project.slug}/models/1/card`);
    expect(card.status()).toBe(200);
    expect(await card.json()).toMatchObject({ featurizer: { name: "hashed-text" }, data: { judgmentCount: 240 } });

    await section.getByRole("button", { name: "Retrain now" }).click();
    await page.waitForURL(/\?retrain=queued#reward-model$/);
    await expect(page.locator("#reward-model").textContent()).resolves.toContain("A retrain is queued.");
    await context.close();
  });
});
