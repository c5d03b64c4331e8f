"use client";

import { ApiForm, Field } from "@/components/staff/api-form";

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
