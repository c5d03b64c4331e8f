"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { useToast } from "@/components/ui/toast-provider";
import { exportQuerySchema } from "@/lib/export/rows/options";

type Props = {
  slug: string;
  go: boolean;
  strength: boolean;
  versions: { version: number; cutoff: string }[];
};

const FIELD = "rounded border border-stone-300 bg-white px-2 py-1 text-sm";

/**
 * Chooses an export and downloads it. The form is checked with the same schema the server uses,
 * so a bad value is named here before any download starts; the file itself streams from
 * /api/projects/[slug]/export, and its manifest shows in the list below once it has finished.
 */
export function ExportForm({ slug, go, strength, versions }: Props) {
  const toast = useToast();
  const router = useRouter();
  const [format, setFormat] = useState<"trl" | "votes">("trl");
  const [errors, setErrors] = useState<Record<string, string>>({});

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const query: Record<string, string> = {};
    for (const [key, value] of data.entries()) if (typeof value === "string" && value !== "") query[key] = value;
    query.excludeExcludedLabelers = data.has("excludeExcludedLabelers") ? "true" : "false";
    query.excludeGold = data.has("excludeGold") ? "true" : "false";
    const parsed = exportQuerySchema.safeParse(query);
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
      return;
    }
    setErrors({});
    const link = document.createElement("a");
    link.href = `/api/projects/${encodeURIComponent(slug)}/export?${new URLSearchParams(query)}`;
    link.download = "";
    link.click();
    toast("Export started: the download streams, and its manifest is listed below when it has finished.");
    for (const seconds of [2, 6, 15, 40]) setTimeout(() => router.refresh(), seconds * 1000);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5 rounded border border-stone-200 bg-white p-4">
      <div className="grid gap-5 md:grid-cols-2">
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium">What</legend>
          <label className="flex items-start gap-2 text-sm">
            <input
              type="radio"
              name="format"
              value="trl"
              checked={format === "trl"}
              onChange={() => setFormat("trl")}
            />
            <span>
              TRL preferences: prompt, chosen, rejected{strength ? ", margin from the labelers' strength" : ""}
            </span>
          </label>
          <label className="flex items-start gap-2 text-sm">
            <input
              type="radio"
              name="format"
              value="votes"
              checked={format === "votes"}
              onChange={() => setFormat("votes")}
            />
            <span>Raw votes: one row per judgment, labelers pseudonymized</span>
          </label>
          {go && (
            <p className="text-xs text-stone-600">
              Go candidates also come as SGF and position strings, with Black's win probability where computed.
            </p>
          )}
        </fieldset>

        <div className="space-y-1">
          <label htmlFor="export-as" className="block text-sm font-medium">
            File type
          </label>
          <select id="export-as" name="as" defaultValue="jsonl" className={FIELD}>
            <option value="jsonl">JSONL (one JSON object per line)</option>
            <option value="parquet">Parquet</option>
            <option value="csv">CSV</option>
          </select>
        </div>

        {format === "trl" && (
          <fieldset className="space-y-1">
            <legend className="text-sm font-medium">Row rule</legend>
            <label className="flex items-start gap-2 text-sm">
              <input type="radio" name="rule" value="pair" defaultChecked />
              <span>One row per decided pair (its most frequent answer is A or B alone)</span>
            </label>
            <label className="flex items-start gap-2 text-sm">
              <input type="radio" name="rule" value="judgment" />
              <span>One row per decisive judgment (ties and both-bad left out)</span>
            </label>
          </fieldset>
        )}

        {format === "trl" && (
          <fieldset className="space-y-1">
            <legend className="text-sm font-medium">Columns</legend>
            <label className="flex items-start gap-2 text-sm">
              <input type="radio" name="messages" value="standard" defaultChecked />
              <span>Standard: strings</span>
            </label>
            <label className="flex items-start gap-2 text-sm">
              <input type="radio" name="messages" value="conversational" />
              <span>Conversational: lists of role/content messages</span>
            </label>
          </fieldset>
        )}
      </div>

      <fieldset className="space-y-3">
        <legend className="text-sm font-medium">Filters</legend>
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <FilterField name="from" label="Judged from (UTC)" type="date" error={errors.from} />
          <FilterField name="to" label="Judged up to (UTC, inclusive)" type="date" error={errors.to} />
          <FilterField
            name="minVotes"
            label="Minimum votes per pair"
            placeholder="1"
            inputMode="numeric"
            error={errors.minVotes}
          />
          <FilterField
            name="minAgreement"
            label="Minimum agreement (0–1)"
            placeholder="0"
            inputMode="decimal"
            error={errors.minAgreement}
          />
        </div>
        <div className="flex flex-wrap gap-x-6 gap-y-2">
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="excludeExcludedLabelers" defaultChecked />
            Leave out labelers a lead excluded
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="excludeGold" defaultChecked />
            Leave out gold pairs
          </label>
        </div>
        <div className="space-y-1">
          <label htmlFor="export-after-model" className="block text-sm">
            Only judgments after a reward model version
          </label>
          <select id="export-after-model" name="afterModelVersion" defaultValue="" className={FIELD}>
            <option value="">All judgments</option>
            {versions.map((v) => (
              <option key={v.version} value={String(v.version)}>
                After v{v.version} (trained on judgments up to {v.cutoff.slice(0, 16).replace("T", " ")} UTC)
              </option>
            ))}
          </select>
        </div>
      </fieldset>

      <button type="submit" className="rounded bg-stone-900 px-4 py-2 text-sm font-medium text-white">
        Download export
      </button>
    </form>
  );
}

/** One filter input with its label and, when the schema refused it, the reason under it. */
function FilterField(props: {
  name: string;
  label: string;
  type?: string;
  placeholder?: string;
  inputMode?: "numeric" | "decimal";
  error?: string;
}) {
  const id = `export-${props.name}`;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm">
        {props.label}
      </label>
      <input
        id={id}
        name={props.name}
        type={props.type ?? "text"}
        placeholder={props.placeholder}
        inputMode={props.inputMode}
        className={`${FIELD} ${props.type === "date" ? "" : "w-24"}`}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? `${id}-error` : undefined}
      />
      {props.error && (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-700">
          {props.error}
        </p>
      )}
    </div>
  );
}
