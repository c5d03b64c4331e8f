import { ML_TEAM, STAFF } from "../auth/roles";
import type { Role } from "../db";

/**
 * The sections of a project's workspace, in the order of its navigation. Each says in one line
 * what it is for (shown under its title); `roles` are the staff roles that see it. A section is
 * listed here when its page exists.
 */
export type ProjectSection = { path: string; label: string; purpose: string; roles: readonly Role[] };

export const PROJECT_SECTIONS: readonly ProjectSection[] = [
  {
    path: "",
    label: "Overview",
    purpose: "How far the labeling has come and how the reward model is doing.",
    roles: STAFF,
  },
  {
    path: "data",
    label: "Data",
    purpose: "Every prompt, candidate, pair and judgment collected, with the labelers' rationales.",
    roles: STAFF,
  },
  {
    path: "labelers",
    label: "Labelers",
    purpose:
      "Who labels this project, how to invite them, and how reliable each labeler is: gold accuracy, position bias, speed.",
    roles: STAFF,
  },
  {
    path: "agreement",
    label: "Agreement",
    purpose: "How often labelers agree, beyond chance, each figure with its 95% interval and the pairs it rests on.",
    roles: STAFF,
  },
  {
    path: "leaderboard",
    label: "Leaderboard",
    purpose: "Which candidate sources (models, human, probe) the judgments prefer, with intervals.",
    roles: STAFF,
  },
  {
    path: "model",
    label: "Model",
    purpose:
      "The reward model against the humans: held-out accuracy next to the human ceiling, learning curve, calibration; versions, retrain, promote.",
    roles: STAFF,
  },
  {
    path: "gap",
    label: "Gap",
    purpose: "What it takes to write a good answer against what it takes to choose one, and which wins.",
    roles: STAFF,
  },
  {
    path: "exports",
    label: "Exports",
    purpose: "Training files for TRL and Hugging Face datasets (JSONL, Parquet, CSV), with a manifest of each export.",
    roles: ML_TEAM,
  },
  {
    path: "lab",
    label: "Lab",
    purpose:
      "Push against the reward model and watch the proxy come apart from the truth: best-of-n scored by the true win probability (Go); probes, hackability per version and an optimizer (text).",
    roles: STAFF,
  },
  {
    path: "settings",
    label: "Settings",
    purpose: "How this project is labeled: k, answer options, gold, leases, quota, guidelines; archive or delete it.",
    // Every staff role reads them; only admins change them (the page and the API say so).
    roles: STAFF,
  },
];

export function sectionsFor(role: Role): ProjectSection[] {
  return PROJECT_SECTIONS.filter((s) => s.roles.includes(role));
}

export function sectionHref(slug: string, section: Pick<ProjectSection, "path">): string {
  return section.path ? `/projects/${slug}/${section.path}` : `/projects/${slug}`;
}

export function sectionAt(path: string): ProjectSection {
  const section = PROJECT_SECTIONS.find((s) => s.path === path);
  if (!section) throw new Error(`No project section "${path}" in PROJECT_SECTIONS.`);
  return section;
}
