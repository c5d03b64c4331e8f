"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { useToast } from "@/components/ui/toast-provider";
import { type ProjectKindName, settingsFromForm } from "@/lib/projects/setting-fields";
import { newProjectSchema, SETTING_DEFAULTS } from "@/lib/projects/settings";
import { checkBody, type FormProblems, focusFirstProblem, NO_PROBLEMS, problemsOfResponse } from "./form-problems";
import { SaveBar } from "./save-bar";
import { SettingInputs } from "./setting-inputs";

const box = "mt-1 w-full rounded border border-stone-300 px-2 py-1 text-sm";

/** A new project with every setting, defaults filled in; on success it opens the project's settings. */
export function NewProjectForm() {
  const router = useRouter();
  const toast = useToast();
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const [saving, setSaving] = useState(false);
  // Go projects have settings of their own (the ground truth): shown once Go is chosen.
  const [kind, setKind] = useState<ProjectKindName>("TEXT");

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const body = {
      slug: String(data.get("slug") ?? "").trim(),
      name: String(data.get("name") ?? ""),
      kind: data.get("kind"),
      ...settingsFromForm((key) => data.get(key)),
    };
    const found = checkBody(newProjectSchema, body);
    if (found) {
      setProblems(found);
      focusFirstProblem(form, found);
      return;
    }
    setSaving(true);
    const response = await fetch("/api/projects", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    }).catch(() => null);
    if (!response?.ok) {
      setSaving(false);
      const refused = response
        ? await problemsOfResponse(response)
        : { byField: {}, summary: "The server could not be reached; check the connection and try again." };
      if (response?.status === 409 && refused.summary) refused.byField.slug = refused.summary;
      setProblems(refused);
      focusFirstProblem(form, refused);
      return;
    }
    toast(`Project "${body.name.trim()}" created. Import its prompts from the Admin page.`);
    router.push(`/projects/${body.slug}/settings`);
    // The header's project switcher is read by the layout, which a push alone does not re-render.
    router.refresh();
  }

  const problem = (key: string) =>
    problems.byField[key] ? (
      <p id={`new-${key}-problem`} className="mt-1 text-sm font-medium text-red-700">
        {problems.byField[key]}
      </p>
    ) : null;
  const describedBy = (key: string, help: string) =>
    [help, problems.byField[key] && `new-${key}-problem`].filter(Boolean).join(" ");

  return (
    <form noValidate onSubmit={onSubmit} aria-label="New project" className="space-y-6">
      <fieldset className="rounded border border-stone-200 bg-white p-4">
        <legend className="px-1 text-base font-semibold">Project</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <div>
            <label htmlFor="new-name" className="text-sm font-medium">
              Name
            </label>
            <input
              id="new-name"
              name="name"
              required
              placeholder="Poems v2"
              aria-invalid={!!problems.byField.name}
              aria-describedby={describedBy("name", "")}
              className={box}
            />
            {problem("name")}
          </div>
          <div>
            <label htmlFor="new-slug" className="text-sm font-medium">
              Slug
            </label>
            <input
              id="new-slug"
              name="slug"
              required
              placeholder="poems-v2"
              autoCapitalize="none"
              spellCheck={false}
              aria-invalid={!!problems.byField.slug}
              aria-describedby={describedBy("slug", "new-slug-help")}
              className={box}
            />
            <p id="new-slug-help" className="mt-1 text-sm text-stone-600">
              In every URL of the project; lowercase letters, digits and dashes. It cannot be changed later.
            </p>
            {problem("slug")}
          </div>
          <div>
            <label htmlFor="new-kind" className="text-sm font-medium">
              Kind
            </label>
            <select
              id="new-kind"
              name="kind"
              value={kind}
              onChange={(event) => setKind(event.target.value === "GO" ? "GO" : "TEXT")}
              aria-describedby="new-kind-help"
              className={box}
            >
              <option value="TEXT">Text (answers, poems, code)</option>
              <option value="GO">Go board positions</option>
            </select>
            <p id="new-kind-help" className="mt-1 text-sm text-stone-600">
              What the candidates are; it decides how they are shown and cannot be changed later.
            </p>
          </div>
        </div>
      </fieldset>
      <SettingInputs values={SETTING_DEFAULTS} kind={kind} problems={problems.byField} showEffects={false} />
      <SaveBar problems={problems} saving={saving} label="Create project" busyLabel="Creating…" />
    </form>
  );
}
