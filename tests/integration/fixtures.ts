import { randomBytes } from "node:crypto";
import { db } from "../../lib/db";
import type { Project } from "../../lib/generated/prisma/client";
import { shuffleKey } from "../../lib/pairs/plan";
import type { ProjectSettings } from "../../lib/projects";
import { addMember, inviteCode } from "../../lib/projects";

/** A project with `prompts` prompts of `candidates` candidates each and every pair of them. */
export async function makeProject(
  settings: Partial<ProjectSettings> & { prompts?: number; candidates?: number } = {},
): Promise<Project> {
  const { prompts = 3, candidates = 3, ...rest } = settings;
  const slug = `p-${randomBytes(4).toString("hex")}`;
  const project = await db().project.create({ data: { slug, name: slug, inviteCode: inviteCode(), ...rest } });
  for (let p = 0; p < prompts; p++) {
    const prompt = await db().prompt.create({
      data: {
        projectId: project.id,
        externalId: `prompt-${p}`,
        text: `Prompt ${p}`,
        candidates: {
          create: Array.from({ length: candidates }, (_, c) => ({
            externalId: `c${c}`,
            text: `Candidate ${c} of prompt ${p}`,
            source: `model-${c}`,
          })),
        },
      },
      include: { candidates: true },
    });
    const pairs = [];
    for (let i = 0; i < prompt.candidates.length; i++)
      for (let j = i + 1; j < prompt.candidates.length; j++)
        pairs.push({
          projectId: project.id,
          promptId: prompt.id,
          candidateAId: prompt.candidates[i]?.id as string,
          candidateBId: prompt.candidates[j]?.id as string,
          openSlots: project.k,
          shuffleKey: shuffleKey(),
        });
    await db().pair.createMany({ data: pairs });
  }
  return project;
}

export async function makeLabeler(project: Project) {
  const user = await db().user.create({
    data: { email: `l-${randomBytes(4).toString("hex")}@test.local`, role: "LABELER" },
  });
  await addMember(project.id, user.id);
  return user;
}

/** A lead, for acting on labelers (pausing, excluding); not a member of any project. */
export async function makeLead() {
  return db().user.create({ data: { email: `lead-${randomBytes(4).toString("hex")}@test.local`, role: "LEAD" } });
}

export async function makeLabelers(project: Project, count: number) {
  const users = [];
  for (let i = 0; i < count; i++) users.push(await makeLabeler(project));
  return users;
}
