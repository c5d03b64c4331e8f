"use client";

import { ApiForm, Field } from "@/components/staff/api-form";

export function NewProjectForm() {
  return (
    <ApiForm
      action="/api/projects"
      submitLabel="Create project"
      toBody={(f) => ({
        slug: f.get("slug"),
        name: f.get("name"),
        kind: f.get("kind"),
        k: Number(f.get("k")),
        question: String(f.get("question") ?? "").trim() || null,
      })}
    >
      <Field label="Slug" name="slug" required placeholder="poems-v2" />
      <Field label="Name" name="name" required placeholder="Poems v2" />
      <label className="flex flex-col text-sm">
        <span className="text-stone-600">Kind</span>
        <select name="kind" className="mt-1 rounded border border-stone-300 px-2 py-1">
          <option>TEXT</option>
          <option>GO</option>
        </select>
      </label>
      <Field label="Judgments per pair (k)" name="k" type="number" min={1} defaultValue={3} />
      <Field label="Question (optional)" name="question" placeholder="Which position is better for Black?" />
    </ApiForm>
  );
}

export function NewUserForm() {
  return (
    <ApiForm
      action="/api/admin/users"
      submitLabel="Create user"
      toBody={(f) => ({ email: f.get("email"), password: f.get("password"), role: f.get("role") })}
    >
      <Field label="Email" name="email" type="email" required />
      <Field label="Password" name="password" type="password" required minLength={8} maxLength={256} />
      <label className="flex flex-col text-sm">
        <span className="text-stone-600">Role</span>
        <select name="role" className="mt-1 rounded border border-stone-300 px-2 py-1">
          <option>LABELER</option>
          <option>LEAD</option>
          <option>ML</option>
          <option>ADMIN</option>
        </select>
      </label>
    </ApiForm>
  );
}
