import type { z } from "zod";
import { type SettingProblem, settingProblems } from "@/lib/projects/setting-problems";

/** Problems by field, as a form shows them: what the schema finds here, or what the server answered. */
export type FormProblems = { byField: Record<string, string>; summary: string | null };

export const NO_PROBLEMS: FormProblems = { byField: {}, summary: null };

export function problemsFrom(list: readonly SettingProblem[], fallback?: string): FormProblems {
  const byField: Record<string, string> = {};
  for (const p of list) if (p.field && !byField[p.field]) byField[p.field] = p.message;
  const summary = list.length > 0 ? list.map((p) => p.message).join(" ") : (fallback ?? null);
  return { byField, summary };
}

/** Checks the body before it is sent, with the schema the server uses, so messages read the same. */
export function checkBody(schema: z.ZodType, body: unknown): FormProblems | null {
  const parsed = schema.safeParse(body, { reportInput: true });
  return parsed.success ? null : problemsFrom(settingProblems(parsed.error.issues));
}

/** The server's refusal as form problems. */
export async function problemsOfResponse(response: Response): Promise<FormProblems> {
  const answer = (await response.json().catch(() => null)) as {
    error?: { message?: string; details?: unknown };
  } | null;
  const details = Array.isArray(answer?.error?.details) ? (answer.error.details as SettingProblem[]) : [];
  const fallback = answer?.error?.message ?? `The server answered HTTP ${response.status}; try again.`;
  return details.length > 0 ? problemsFrom(details) : problemsFrom([], fallback);
}

/** Moves focus to the first field with a problem, so keyboard and screen-reader users land on it. */
export function focusFirstProblem(form: HTMLFormElement, problems: FormProblems): void {
  const first = Object.keys(problems.byField)[0];
  const input = first ? form.querySelector<HTMLElement>(`[name="${first}"]`) : null;
  input?.focus();
}
