import type { ManifestView } from "@/lib/export";

type Spec = {
  rule?: string;
  messages?: string;
  filters?: Record<string, unknown>;
};

const bytes = (n: number) =>
  n < 1024 ? `${n} B` : n < 1024 ** 2 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 ** 2).toFixed(1)} MB`;
const when = (iso: string) => iso.slice(0, 16).replace("T", " ");

/** The filters a manifest's export used, in words; defaults are left unsaid. */
function describe(spec: Spec, format: string): string {
  const f = spec.filters ?? {};
  const parts = [
    format === "votes" ? "raw votes" : `TRL, ${spec.rule === "pair" ? "per decided pair" : "per judgment"}`,
  ];
  if (format !== "votes" && spec.messages === "conversational") parts.push("conversational");
  if (f.from) parts.push(`from ${String(f.from).slice(0, 10)}`);
  if (f.to) parts.push(`before ${String(f.to).slice(0, 10)}`);
  if (Number(f.minVotes) > 1) parts.push(`≥ ${f.minVotes} votes`);
  if (Number(f.minAgreement) > 0) parts.push(`agreement ≥ ${f.minAgreement}`);
  if (f.excludeExcludedLabelers === false) parts.push("excluded labelers kept");
  if (f.excludeGold === false) parts.push("gold kept");
  if (f.afterModelVersion) parts.push(`after model v${f.afterModelVersion}`);
  return parts.join(" · ");
}

/** Past exports, newest first: enough to cite one in a training run (id, hash, cut-off, filters). */
export function ManifestList({ slug, manifests }: { slug: string; manifests: ManifestView[] }) {
  return (
    <section aria-labelledby="manifests-title" className="space-y-2">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id="manifests-title" className="text-lg font-semibold">
          Past exports
        </h3>
        <a
          className="text-sm underline underline-offset-4"
          href={`/api/projects/${encodeURIComponent(slug)}/export/manifests`}
        >
          All manifests as JSON
        </a>
      </div>
      {manifests.length === 0 ? (
        <p className="rounded border border-stone-200 bg-white p-4 text-sm">
          No exports yet. Each finished download stores a manifest here: its filters, row rule, row counts, cut-off time
          and content hash, so a training run can cite exactly the data it used.
        </p>
      ) : (
        <ul className="divide-y divide-stone-200 rounded border border-stone-200 bg-white" data-testid="manifests">
          {manifests.map((m) => (
            <li key={m.id} className="space-y-1 p-3 text-sm">
              <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
                <span className="font-medium">
                  {m.format === "votes" ? "Raw votes" : "TRL preferences"} · {m.fileType.toUpperCase()} ·{" "}
                  {m.rowCount.toLocaleString("en-US")} rows · {bytes(m.byteCount)}
                </span>
                <span className="text-stone-600">
                  {when(m.createdAt)} UTC by {m.requestedBy}
                </span>
              </div>
              <p className="text-stone-700">{describe(m.spec as Spec, m.format)}</p>
              <p className="break-all font-mono text-xs text-stone-600">
                sha256 {m.contentSha256} · id {m.id} · data up to {when(m.cutoff)} UTC
              </p>
              <details>
                <summary className="cursor-pointer text-stone-700">Manifest</summary>
                <pre className="mt-1 overflow-x-auto rounded bg-stone-50 p-2 text-xs">{JSON.stringify(m, null, 2)}</pre>
              </details>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
