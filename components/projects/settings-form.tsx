"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { useToast } from "@/components/ui/toast-provider";
import { type ProjectKindName, settingsFromForm } from "@/lib/projects/setting-fields";
import { type ProjectSettings, settingsPatchSchema } from "@/lib/projects/settings";
import { checkBody, type FormProblems, focusFirstProblem, NO_PROBLEMS, problemsOfResponse } from "./form-problems";
import { SaveBar } from "./save-bar";
import { SettingInputs } from "./setting-inputs";

/** The settings page's form: admins edit, other staff read. Saving is all or nothing. */
type Props = { slug: string; kind: ProjectKindName; values: ProjectSettings; editable: boolean };

export function SettingsForm({ slug, kind, values, editable }: Props) {
  const router = useRouter();
  const toast = useToast();
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const [saving, setSaving] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const body = settingsFromForm((key) => data.get(key));
    const found = checkBody(settingsPatchSchema, body);
    if (found) {
      setProblems(found);
      focusFirstProblem(form, found);
      return;
    }
    setSaving(true);
    const response = await fetch(`/api/projects/${slug}/settings`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    }).catch(() => null);
    setSaving(false);
    if (!response) {
      setProblems({ byField: {}, summary: "The server could not be reached; check the connection and save again." });
      return;
    }
    if (!response.ok) {
      const refused = await problemsOfResponse(response);
      setProblems(refused);
      focusFirstProblem(form, refused);
      return;
    }
    setProblems(NO_PROBLEMS);
    toast("Settings saved. Labelers get them within a few seconds.");
    router.refresh();
  }

  return (
    <form noValidate onSubmit={onSubmit} aria-label="Project settings" className="space-y-4">
      <SettingInputs values={values} kind={kind} disabled={!editable} problems={problems.byField} />
      {editable && <SaveBar problems={problems} saving={saving} label="Save settings" busyLabel="Saving…" />}
    </form>
  );
}
