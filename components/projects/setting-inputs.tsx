"use client";

import { useState } from "react";
import { MarkdownText } from "@/components/markdown/markdown";
import { fieldsFor, type ProjectKindName, SETTING_GROUPS, type SettingField } from "@/lib/projects/setting-fields";
import { type ProjectSettings, settingsShape } from "@/lib/projects/settings";

type Props = {
  values: ProjectSettings;
  /** Settings that mean nothing for this kind of project (the Go truth for text) are not shown. */
  kind: ProjectKindName;
  /** Read-only: every input is shown disabled. */
  disabled?: boolean;
  /** Problems by setting key, shown under the field. */
  problems: Record<string, string>;
  /** On the create form, effects on existing data say nothing useful: there is none yet. */
  showEffects?: boolean;
};

/** Every project setting, grouped, each with what it does and what a change does to stored data. */
export function SettingInputs({ values, kind, disabled = false, problems, showEffects = true }: Props) {
  const fields = fieldsFor(kind);
  const groups = SETTING_GROUPS.filter((group) => fields.some((f) => f.group === group));
  return (
    <div className="space-y-6">
      {groups.map((group) => (
        <fieldset key={group} className="rounded border border-stone-200 bg-white p-4">
          <legend className="px-1 text-base font-semibold">{group}</legend>
          <div className="divide-y divide-stone-100">
            {fields
              .filter((f) => f.group === group)
              .map((field) => (
                <SettingRow
                  key={field.key}
                  field={field}
                  value={values[field.key]}
                  disabled={disabled}
                  problem={problems[field.key]}
                  showEffect={showEffects}
                />
              ))}
          </div>
        </fieldset>
      ))}
    </div>
  );
}

type RowProps = { field: SettingField; value: unknown; disabled: boolean; problem?: string; showEffect: boolean };

function SettingRow({ field, value, disabled, problem, showEffect }: RowProps) {
  const id = `setting-${field.key}`;
  const describedBy = [`${id}-help`, showEffect && `${id}-effect`, problem && `${id}-problem`]
    .filter(Boolean)
    .join(" ");
  const common = { id, name: field.key, disabled, "aria-describedby": describedBy, "aria-invalid": !!problem };
  return (
    <div className="grid gap-1 py-3 sm:grid-cols-[14rem_1fr] sm:gap-4">
      <div>
        {field.input === "choice" ? (
          <span id={`${id}-label`} className="text-sm font-medium">
            {field.label}
          </span>
        ) : (
          <label htmlFor={id} className="text-sm font-medium">
            {field.label}
          </label>
        )}
      </div>
      <div className="space-y-1">
        <Control field={field} value={value} common={common} />
        <p id={`${id}-help`} className="text-sm text-stone-600">
          {field.help}
        </p>
        {showEffect && (
          <p id={`${id}-effect`} className="text-sm text-stone-600">
            <span className="font-medium text-stone-700">Existing data: </span>
            {field.onChange}
          </p>
        )}
        {problem && (
          <p id={`${id}-problem`} className="text-sm font-medium text-red-700">
            {problem}
          </p>
        )}
      </div>
    </div>
  );
}

type Common = { id: string; name: string; disabled: boolean; "aria-describedby": string; "aria-invalid": boolean };

const box = "rounded border border-stone-300 px-2 py-1 text-sm disabled:bg-stone-100 disabled:text-stone-700";

function Control({ field, value, common }: { field: SettingField; value: unknown; common: Common }) {
  switch (field.input) {
    case "switch":
      return <input type="checkbox" {...common} defaultChecked={value === true} className="size-4 accent-stone-900" />;
    case "choice":
      return (
        <div role="radiogroup" aria-labelledby={`${common.id}-label`} className="flex flex-wrap gap-4">
          {field.choices?.map((choice) => (
            <label key={choice.value} className="flex items-center gap-1.5 text-sm">
              <input
                type="radio"
                name={common.name}
                value={choice.value}
                defaultChecked={value === choice.value}
                disabled={common.disabled}
                aria-describedby={common["aria-describedby"]}
                className="accent-stone-900"
              />
              {choice.label}
            </label>
          ))}
        </div>
      );
    case "whole":
    case "fraction": {
      const schema = settingsShape[field.key] as { minValue?: number | null; maxValue?: number | null };
      return (
        <input
          type="number"
          inputMode={field.input === "whole" ? "numeric" : "decimal"}
          step={field.step ?? 1}
          min={schema.minValue ?? undefined}
          max={schema.maxValue ?? undefined}
          defaultValue={String(value ?? "")}
          {...common}
          className={`${box} w-32`}
        />
      );
    }
    case "markdown":
      return <MarkdownInput value={typeof value === "string" ? value : ""} common={common} />;
    default:
      return (
        <input
          type="text"
          defaultValue={typeof value === "string" ? value : ""}
          {...common}
          className={`${box} w-full`}
        />
      );
  }
}

function MarkdownInput({ value, common }: { value: string; common: Common }) {
  const [text, setText] = useState(value);
  const [preview, setPreview] = useState(false);
  return (
    <div className="space-y-2">
      <textarea
        {...common}
        rows={8}
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={
          common.disabled
            ? "No guidelines"
            : "# How to judge\n\nPrefer the answer that is correct, then the clearer one."
        }
        className={`${box} w-full font-mono`}
      />
      <button
        type="button"
        onClick={() => setPreview(!preview)}
        aria-expanded={preview}
        className="text-sm underline underline-offset-4"
      >
        {preview ? "Hide preview" : "Preview as labelers see it"}
      </button>
      {preview && (
        <div className="rounded border border-stone-200 p-3">
          {text.trim() ? (
            <MarkdownText text={text} />
          ) : (
            <p className="text-sm text-stone-600">No guidelines: labelers go straight to the first pair.</p>
          )}
        </div>
      )}
    </div>
  );
}
