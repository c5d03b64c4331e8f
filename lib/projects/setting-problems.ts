import type { z } from "zod";
import { DomainError } from "../errors";
import { fieldLabel, settingField } from "./setting-fields";
import { SETTING_KEYS } from "./settings";

/** One thing wrong with a settings form: the field (its key) and a sentence naming it as the form does. */
export type SettingProblem = { field: string; message: string };

type Issue = z.core.$ZodIssue;

/** Plain sentences for zod's issues: "Judgments per pair (k) must be at least 1." */
export function settingProblems(issues: readonly Issue[]): SettingProblem[] {
  return issues.flatMap((issue): SettingProblem[] => {
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({
        field: key,
        message: `"${key}" is not a setting; the settings are ${SETTING_KEYS.join(", ")}.`,
      }));
    }
    if (issue.path.length === 0) {
      return [{ field: "", message: "The settings must be a JSON object of setting names and values." }];
    }
    const field = String(issue.path[0]);
    return [{ field, message: `${fieldLabel(field)} ${phrase(issue)}.` }];
  });
}

function phrase(issue: Issue): string {
  switch (issue.code) {
    case "invalid_type":
      // The input is in the issue when parsed with reportInput (parseSettings does).
      if ("input" in issue && issue.input === undefined) return "is required";
      if (issue.expected === "int") return "must be a whole number";
      if (issue.expected === "number") return "must be a number";
      if (issue.expected === "boolean") return "must be on or off (true or false)";
      return "must be text";
    case "too_small":
      if (issue.origin === "string") return "must not be empty";
      return `must be at least ${issue.minimum}`;
    case "too_big":
      if (issue.origin === "string") return `must be at most ${Number(issue.maximum).toLocaleString("en")} characters`;
      return `must be at most ${issue.maximum}`;
    case "invalid_value": {
      const choices = settingField(String(issue.path[0]))?.choices;
      // The label the form shows, and the value to type where the two differ (the CLI and API take values).
      const names = choices
        ? choices.map((c) => (c.label.toLowerCase() === c.value.toLowerCase() ? c.label : `${c.label} (${c.value})`))
        : issue.values.map(String);
      return `must be one of ${names.join(", ")}`;
    }
    default:
      // Messages written for this schema (the slug's pattern) already read as the end of a sentence.
      return issue.message;
  }
}

/** Validates settings input with `schema`; bad input is refused whole, with every problem named. */
export function parseSettings<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input, { reportInput: true });
  if (parsed.success) return parsed.data;
  const problems = settingProblems(parsed.error.issues);
  throw new DomainError("INVALID_INPUT", problems.map((p) => p.message).join(" "), problems);
}
