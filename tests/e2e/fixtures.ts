import { randomBytes, randomInt } from "node:crypto";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import { hashPassword } from "../../lib/auth/password";
import { db, disconnect } from "../../lib/db";
import { addMember } from "../../lib/projects";
import { type AppServer, startAppServer } from "../setup/app-server";
import { launchChromium } from "../setup/chromium";

export type PairContent = { prompt: string; a: string; b: string };

export type ProjectFixture = {
  id: string;
  slug: string;
  inviteCode: string;
  pairIds: string[];
};

type ProjectOptions = {
  pairs: PairContent[];
  name?: string;
  k?: number;
  quota?: number;
  allowTie?: boolean;
  allowBothBad?: boolean;
  demonstrations?: boolean;
  demoRate?: number;
  strengthScale?: boolean;
  rationale?: "OFF" | "OPTIONAL" | "REQUIRED";
};

const unique = () => randomBytes(4).toString("hex");

/**
 * A text project with one pair per prompt. No gold pairs, so what is served is predictable;
 * pairs are served in the order given (shuffleKey ascending).
 */
export async function createTextProject(options: ProjectOptions): Promise<ProjectFixture> {
  const suffix = unique();
  const project = await db().project.create({
    data: {
      slug: `e2e-${suffix}`,
      name: options.name ?? `E2E project ${suffix}`,
      inviteCode: `invite-${suffix}`,
      k: options.k ?? 3,
      goldRate: 0,
      quota: options.quota ?? 0,
      allowTie: options.allowTie ?? true,
      allowBothBad: options.allowBothBad ?? true,
      demonstrations: options.demonstrations ?? false,
      demoRate: options.demoRate ?? 0,
      strengthScale: options.strengthScale ?? false,
      rationale: options.rationale ?? "OFF",
    },
  });
  const pairIds: string[] = [];
  for (const [index, content] of options.pairs.entries()) {
    const prompt = await db().prompt.create({
      data: { projectId: project.id, externalId: `p${index}`, text: content.prompt },
    });
    const [a, b] = await Promise.all(
      (["a", "b"] as const).map((side) =>
        db().candidate.create({
          data: { promptId: prompt.id, externalId: `${side}${index}`, text: content[side], source: `model-${side}` },
        }),
      ),
    );
    const pair = await db().pair.create({
      data: {
        projectId: project.id,
        promptId: prompt.id,
        candidateAId: a?.id ?? "",
        candidateBId: b?.id ?? "",
        openSlots: project.k,
        shuffleKey: index * 1000 + randomInt(1000),
      },
    });
    pairIds.push(pair.id);
  }
  return { id: project.id, slug: project.slug, inviteCode: project.inviteCode, pairIds };
}

export type LabelerFixture = { id: string; email: string; password: string };

/** A user of any role with a known password (staff users belong to no project: they see all). */
export async function createUser(role: "LABELER" | "LEAD" | "ML" | "ADMIN"): Promise<LabelerFixture> {
  const email = `${role.toLowerCase()}-${unique()}@example.com`;
  const password = "correct horse battery";
  const user = await db().user.create({ data: { email, passwordHash: await hashPassword(password), role } });
  return { id: user.id, email, password };
}

/** Signs in through the login page and lands on `path`. */
export async function signIn(page: Page, baseUrl: string, who: LabelerFixture, path = "/") {
  await page.goto(`${baseUrl}/login?callbackUrl=${encodeURIComponent(path)}`);
  await page.fill('input[name="email"]', who.email);
  await page.fill('input[name="password"]', who.password);
  await page.click('button[type="submit"]');
  await page.waitForURL(`${baseUrl}${path}`);
}

export async function createLabeler(projectId: string): Promise<LabelerFixture> {
  const email = `labeler-${unique()}@example.com`;
  const password = "correct horse battery";
  const user = await db().user.create({
    data: { email, passwordHash: await hashPassword(password), role: "LABELER" },
  });
  await addMember(projectId, user.id);
  return { id: user.id, email, password };
}

export function simplePairs(count: number): PairContent[] {
  return Array.from({ length: count }, (_, i) => ({
    prompt: `Prompt number ${i + 1}: name a colour.`,
    a: `Response A${i + 1}: **blue**.`,
    b: `Response B${i + 1}: *green*.`,
  }));
}

/** Signs in through the login page, starting from the compare screen (which redirects there). */
export async function signInThroughLoginPage(page: Page, baseUrl: string, slug: string, who: LabelerFixture) {
  await page.goto(`${baseUrl}/label/${slug}`);
  await page.waitForURL(/\/login\?callbackUrl=/);
  await page.fill('input[name="email"]', who.email);
  await page.fill('input[name="password"]', who.password);
  await page.click('button[type="submit"]');
  await page.waitForURL(`${baseUrl}/label/${slug}`);
}

export type ShownPair = { assignmentId: string; leftCandidateId: string; rightCandidateId: string };

/** Waits until a pair other than `previous` is painted and ready for a decision. */
export async function waitForPair(page: Page, previous?: string): Promise<ShownPair> {
  const selector = previous
    ? `[data-testid="pair"][data-ready="true"]:not([data-assignment-id="${previous}"])`
    : '[data-testid="pair"][data-ready="true"]';
  const pair = page.locator(selector);
  await pair.waitFor({ timeout: 15_000 });
  const assignmentId = await pair.getAttribute("data-assignment-id");
  const leftCandidateId = await page.getByTestId("candidate-left").getAttribute("data-candidate-id");
  const rightCandidateId = await page.getByTestId("candidate-right").getAttribute("data-candidate-id");
  expect(assignmentId && leftCandidateId && rightCandidateId).toBeTruthy();
  return {
    assignmentId: assignmentId ?? "",
    leftCandidateId: leftCandidateId ?? "",
    rightCandidateId: rightCandidateId ?? "",
  };
}

/** Polls until `read` returns a value `done` accepts, or fails after `timeoutMs`. */
export async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value)) {
    if (Date.now() > deadline)
      throw new Error(`condition not met within ${timeoutMs} ms; last value: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    value = await read();
  }
  return value;
}

/**
 * The production app and a Chromium for one test file, started before its tests and stopped after.
 * Read `server` and `browser` inside tests or hooks, once they are running.
 */
export function appAndBrowserPerFile(): { readonly server: AppServer; readonly browser: Browser } {
  const running = {} as { server: AppServer; browser: Browser };
  beforeAll(async () => {
    running.server = await startAppServer();
    running.browser = await launchChromium();
  });
  afterAll(async () => {
    await running.browser?.close();
    await running.server?.stop();
    await disconnect();
  });
  return running;
}

/** The two viewports pages are looked at in: a laptop and a phone. */
export const LAPTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

/** A new browser context at `viewport`, signed in as `who` and showing `path`. */
export async function signedInContext(
  app: { readonly server: AppServer; readonly browser: Browser },
  who: LabelerFixture,
  path: string,
  viewport = LAPTOP,
): Promise<[BrowserContext, Page]> {
  const context = await app.browser.newContext({ viewport });
  const page = await context.newPage();
  await signIn(page, app.server.url, who, path);
  return [context, page];
}
