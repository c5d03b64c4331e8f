import { randomUUID } from "node:crypto";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nextTask } from "../../lib/assign";
import { ACCOUNT_TTL_MS } from "../../lib/auth/account";
import { hashPassword } from "../../lib/auth/password";
import { ACCOUNT_DEACTIVATED } from "../../lib/auth/sign-in-errors";
import { db, disconnect, type Role } from "../../lib/db";
import { submitJudgment } from "../../lib/judgments";
import { actOnLabeler } from "../../lib/labelers/actions";
import { joinWithWorkerId } from "../../lib/projects";
import { type AppServer, startAppServer } from "../setup/app-server";
import { makeLabeler, makeProject } from "./fixtures";

let app: AppServer;
let admin: { id: string; cookie: string };

const PASSWORD = "correct horse battery";

async function makeUser(role: Role, password = PASSWORD) {
  return db().user.create({
    data: {
      email: `${role.toLowerCase()}-${randomUUID()}@test.local`,
      role,
      passwordHash: await hashPassword(password),
    },
  });
}

async function sessionCookie(user: { id: string; role: Role; email: string | null }): Promise<string> {
  const token = await encode({
    secret: process.env.NEXTAUTH_SECRET as string,
    token: { uid: user.id, role: user.role, email: user.email },
  });
  return `next-auth.session-token=${token}`;
}

function call(method: string, url: string, cookie?: string, body?: unknown) {
  return fetch(`${app.url}${url}`, {
    method,
    headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** Signs in through next-auth's credentials callback, as the login form does; the error it reports, or null. */
async function signInError(email: string, password: string): Promise<string | null> {
  const csrf = await fetch(`${app.url}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const response = await fetch(`${app.url}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
    body: new URLSearchParams({ email, password, csrfToken, json: "true" }),
  });
  const { url } = (await response.json()) as { url: string };
  const signedIn = response.headers.getSetCookie().some((c) => /next-auth\.session-token=[^;]/.test(c));
  return signedIn ? null : (new URL(url).searchParams.get("error") ?? "no session");
}

beforeAll(async () => {
  app = await startAppServer();
  const user = await makeUser("ADMIN");
  admin = { id: user.id, cookie: await sessionCookie(user) };
});

afterAll(async () => {
  await disconnect();
  await app?.stop();
});

describe("invite codes", () => {
  it("rotating the code makes old links stop working and new ones work", async () => {
    const project = await makeProject({ prompts: 1, candidates: 2 });
    const old = project.inviteCode;

    const rotated = await call("POST", `/api/projects/${project.slug}/invite`, admin.cookie);
    expect(rotated.status).toBe(200);
    const { inviteCode } = (await rotated.json()) as { inviteCode: string };
    expect(inviteCode).not.toBe(old);

    const email = `new-${randomUUID()}@test.local`;
    const withOld = await call("POST", "/api/join", undefined, { code: old, email, password: PASSWORD });
    expect(withOld.status).toBe(404);
    expect(await joinWithWorkerId(old, "W-old")).toBeNull();
    expect(await (await fetch(`${app.url}/join/${old}`)).text()).toContain("This invite link is not valid");

    const withNew = await call("POST", "/api/join", undefined, { code: inviteCode, email, password: PASSWORD });
    expect(withNew.status).toBe(200);
    expect(await db().membership.count({ where: { projectId: project.id, user: { email } } })).toBe(1);
  });

  it("only admins rotate: a lead gets 403", async () => {
    const project = await makeProject({ prompts: 1, candidates: 2 });
    const lead = await makeUser("LEAD");
    const response = await call("POST", `/api/projects/${project.slug}/invite`, await sessionCookie(lead));
    expect(response.status).toBe(403);
    expect((await db().project.findUniqueOrThrow({ where: { id: project.id } })).inviteCode).toBe(project.inviteCode);
  });
});

describe("deactivated users", () => {
  it("cannot sign in with the right password, and are told why", async () => {
    const user = await makeUser("LABELER");
    expect(await signInError(user.email ?? "", PASSWORD)).toBeNull();
    await call("PATCH", `/api/admin/users/${user.id}`, admin.cookie, { active: false });
    expect(await signInError(user.email ?? "", PASSWORD)).toBe(ACCOUNT_DEACTIVATED);
    expect(await signInError(user.email ?? "", "a wrong password")).toBe("CredentialsSignin");
  });

  it("cannot call the API with the session they already hold, from the moment they are deactivated", async () => {
    const project = await makeProject({ prompts: 2, candidates: 2 });
    const labeler = await makeLabeler(project);
    const cookie = await sessionCookie(labeler);
    expect((await call("GET", `/api/projects/${project.slug}/next`, cookie)).status).toBe(200);

    const deactivated = await call("PATCH", `/api/admin/users/${labeler.id}`, admin.cookie, { active: false });
    expect(await deactivated.json()).toMatchObject({ id: labeler.id, active: false });
    const refused = await call("GET", `/api/projects/${project.slug}/next`, cookie);
    expect(refused.status).toBe(401);
    expect((await refused.json()).error.message).toContain("deactivated");

    await call("PATCH", `/api/admin/users/${labeler.id}`, admin.cookie, { active: true });
    expect((await call("GET", `/api/projects/${project.slug}/next`, cookie)).status).toBe(200);
    // Their data stays: membership and leases are untouched by deactivation.
    expect(await db().membership.count({ where: { userId: labeler.id } })).toBe(1);
  });

  it("are refused within the cache bound when another web server deactivated them (database only)", async () => {
    const project = await makeProject({ prompts: 1, candidates: 2 });
    const labeler = await makeLabeler(project);
    const cookie = await sessionCookie(labeler);
    expect((await call("GET", "/api/projects", cookie)).status).toBe(200);
    await db().user.update({ where: { id: labeler.id }, data: { deactivatedAt: new Date() } });
    const deadline = Date.now() + ACCOUNT_TTL_MS + 5_000;
    let status = 200;
    while (status !== 401 && Date.now() < deadline) {
      status = (await call("GET", "/api/projects", cookie)).status;
      if (status !== 401) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(status).toBe(401);
  });

  it("cannot join through an invite with their email and password", async () => {
    const project = await makeProject({ prompts: 1, candidates: 2 });
    const user = await makeUser("LABELER");
    await db().user.update({ where: { id: user.id }, data: { deactivatedAt: new Date() } });
    const response = await call("POST", "/api/join", undefined, {
      code: project.inviteCode,
      email: user.email,
      password: PASSWORD,
    });
    expect(response.status).toBe(409);
    expect((await response.json()).error.code).toBe("USER_DEACTIVATED");
    expect(await db().membership.count({ where: { userId: user.id } })).toBe(0);
  });

  it("a role change applies to a live session, and admins cannot change or deactivate themselves", async () => {
    const project = await makeProject({ prompts: 1, candidates: 2 });
    const labeler = await makeLabeler(project);
    const cookie = await sessionCookie(labeler);
    expect((await call("GET", `/api/projects/${project.slug}/stats`, cookie)).status).toBe(403);
    await call("PATCH", `/api/admin/users/${labeler.id}`, admin.cookie, { role: "LEAD" });
    expect((await call("GET", `/api/projects/${project.slug}/stats`, cookie)).status).toBe(200);

    const self = await call("PATCH", `/api/admin/users/${admin.id}`, admin.cookie, { active: false });
    expect(self.status).toBe(409);
    expect((await self.json()).error.code).toBe("OWN_ACCOUNT");
  });
});

describe("members", () => {
  it("removing a member keeps their judgments, frees their leases and closes the project to them", async () => {
    const project = await makeProject({ prompts: 3, candidates: 2 });
    const labeler = await makeLabeler(project);
    const judged = await nextTask(project, labeler.id, { random: () => 0.99 });
    if (judged.kind !== "pair") throw new Error(`expected a pair, got ${judged.kind}`);
    await submitJudgment(project, labeler.id, {
      clientId: randomUUID(),
      assignmentId: judged.assignmentId,
      choice: "A",
      durationMs: 900,
    });
    const cookie = await sessionCookie(labeler);
    // A lease held on screen when they are removed.
    expect((await call("GET", `/api/projects/${project.slug}/next`, cookie)).status).toBe(200);

    const lead = await makeUser("LEAD");
    const removed = await call(
      "DELETE",
      `/api/projects/${project.slug}/members/${labeler.id}`,
      await sessionCookie(lead),
    );
    expect(removed.status).toBe(200);

    expect(await db().membership.count({ where: { projectId: project.id, userId: labeler.id } })).toBe(0);
    expect(await db().judgment.count({ where: { projectId: project.id, userId: labeler.id } })).toBe(1);
    const live = await db().assignment.findMany({
      where: { userId: labeler.id, status: "ACTIVE", expiresAt: { gt: new Date() } },
    });
    expect(live).toEqual([]);
    expect((await call("GET", `/api/projects/${project.slug}/next`, cookie)).status).toBe(403);
  });

  it("refuses to remove an excluded member, whose exclusion lives on the membership", async () => {
    const project = await makeProject({ prompts: 1, candidates: 2 });
    const labeler = await makeLabeler(project);
    await actOnLabeler(project, labeler.id, admin.id, { action: "EXCLUDE", reason: "spam" });
    const response = await call("DELETE", `/api/projects/${project.slug}/members/${labeler.id}`, admin.cookie);
    expect(response.status).toBe(409);
    expect((await response.json()).error.code).toBe("MEMBER_EXCLUDED");
    expect(await db().membership.count({ where: { projectId: project.id, userId: labeler.id } })).toBe(1);
  });

  it("adds an existing user by email, once, and says what to do for an unknown email", async () => {
    const project = await makeProject({ prompts: 1, candidates: 2 });
    const user = await makeUser("LABELER");
    const url = `/api/projects/${project.slug}/members`;
    const added = await call("POST", url, admin.cookie, { email: user.email?.toUpperCase() });
    expect(await added.json()).toMatchObject({ userId: user.id, alreadyMember: false });
    expect(await (await call("POST", url, admin.cookie, { email: user.email })).json()).toMatchObject({
      alreadyMember: true,
    });
    expect((await call("GET", `/api/projects/${project.slug}/next`, await sessionCookie(user))).status).toBe(200);

    const unknown = await call("POST", url, admin.cookie, { email: "nobody@test.local" });
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.message).toContain("Create it on the Admin page");
  });

  it("lists completion codes as CSV for payouts", async () => {
    const project = await makeProject({ prompts: 1, candidates: 2 });
    const worker = await joinWithWorkerId(project.inviteCode, "W-42");
    const member = await db().membership.findFirstOrThrow({ where: { projectId: project.id, userId: worker?.id } });
    const response = await call("GET", `/api/projects/${project.slug}/completion-codes`, admin.cookie);
    expect(response.headers.get("content-type")).toContain("text/csv");
    const lines = (await response.text()).trim().split("\r\n");
    expect(lines[0]).toBe("worker_id,email,user_id,completion_code,judgments,quota_met,joined_at");
    expect(lines[1]).toContain(`W-42,,${worker?.id},${member.completionCode},0,yes,`);
  });
});

describe("passwords", () => {
  const tooShort = "a".repeat(7);
  const tooLong = "a".repeat(257);

  it.each([
    [tooShort, "Password must be at least 8 characters"],
    [tooLong, "Password must be at most 256 characters"],
  ])("refuses %#, naming the field, on the admin's form and the invite sign-up", async (password, message) => {
    const project = await makeProject({ prompts: 1, candidates: 2 });
    const email = `pw-${randomUUID()}@test.local`;
    for (const [url, body, cookie] of [
      ["/api/admin/users", { email, password, role: "LABELER" }, admin.cookie],
      ["/api/join", { code: project.inviteCode, email, password }, undefined],
    ] as const) {
      const response = await call("POST", url, cookie, body);
      expect(response.status).toBe(400);
      expect((await response.json()).error.details).toEqual([{ field: "body.password", message }]);
    }
    expect(await db().user.count({ where: { email } })).toBe(0);
  });

  it("accepts 8 and 256 characters", async () => {
    for (const password of ["a".repeat(8), "b".repeat(256)]) {
      const email = `pw-${randomUUID()}@test.local`;
      const response = await call("POST", "/api/admin/users", admin.cookie, { email, password, role: "LABELER" });
      expect(response.status).toBe(200);
      expect(await signInError(email, password)).toBeNull();
    }
  });

  it("resets a password to a generated one that signs in, and the old one no longer does", async () => {
    const user = await makeUser("LEAD");
    const response = await call("POST", `/api/admin/users/${user.id}/password`, admin.cookie);
    const { password } = (await response.json()) as { password: string };
    expect(password.length).toBeGreaterThanOrEqual(8);
    expect(await signInError(user.email ?? "", password)).toBeNull();
    expect(await signInError(user.email ?? "", PASSWORD)).toBe("CredentialsSignin");
  });
});
