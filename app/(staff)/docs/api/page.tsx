import Link from "next/link";
import { apiReference } from "@/app/api/reference";
import { type Operation, OperationView } from "@/components/api-docs/operation-view";
import { pageUserWithRole } from "@/lib/auth/page";
import { STAFF } from "@/lib/auth/roles";
import { SCOPE_DESCRIPTIONS, SCOPES } from "@/lib/auth/scopes";

export const dynamic = "force-dynamic";

/** The API reference, rendered on the server from the same document GET /api/openapi.json serves. */
export default async function ApiDocsPage() {
  const user = await pageUserWithRole(STAFF, "/docs/api");
  const doc = apiReference();
  const byTag = new Map<string, { method: string; path: string; op: Operation }[]>();
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(item as Record<string, Operation>)) {
      const tag = op.tags?.[0] ?? "other";
      byTag.set(tag, [...(byTag.get(tag) ?? []), { method: method.toUpperCase(), path, op }]);
    }
  }
  const tags = [...byTag.keys()].sort((a, b) => tagOrder(a) - tagOrder(b) || a.localeCompare(b));
  return (
    <main className="mx-auto max-w-4xl space-y-8 px-4 py-10">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">API reference</h1>
        <p className="text-sm text-stone-700">
          Every route of Vibecheck, generated from the schemas the routes validate with. Machine-readable as{" "}
          <a href="/api/openapi.json" className="underline">
            OpenAPI 3.1
          </a>
          . Scripts authenticate with an API token:{" "}
          <code className="rounded bg-stone-100 px-1 font-mono text-xs">Authorization: Bearer vck_…</code>
          {["ML", "ADMIN"].includes(user.role) && (
            <>
              {" "}
              (
              <Link href="/account/tokens" className="underline">
                create one
              </Link>
              )
            </>
          )}
          ; the browser uses its session cookie. Errors answer{" "}
          <code className="rounded bg-stone-100 px-1 font-mono text-xs">{"{ error: { code, message, details } }"}</code>
          .
        </p>
        <h2 className="pt-2 text-sm font-semibold">Token scopes</h2>
        <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
          {SCOPES.map((scope) => (
            <div key={scope} className="contents">
              <dt>
                <code className="font-mono">{scope}</code>
              </dt>
              <dd className="text-stone-700">{SCOPE_DESCRIPTIONS[scope]}</dd>
            </div>
          ))}
        </dl>
      </header>
      <nav aria-label="Sections" className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {tags.map((tag) => (
          <a key={tag} href={`#${slugOf(tag)}`} className="underline">
            {tag}
          </a>
        ))}
      </nav>
      {tags.map((tag) => (
        <section key={tag} id={slugOf(tag)} className="scroll-mt-4 space-y-3">
          <h2 className="text-lg font-medium">{tag[0]?.toUpperCase() + tag.slice(1)}</h2>
          {byTag.get(tag)?.map(({ method, path, op }) => (
            <OperationView key={`${method} ${path}`} method={method} path={path} op={op} />
          ))}
        </section>
      ))}
    </main>
  );
}

const ORDER = ["import and export", "reward model", "API tokens", "projects", "labeling", "admin", "service"];
const tagOrder = (tag: string) => (ORDER.includes(tag) ? ORDER.indexOf(tag) : ORDER.length);
const slugOf = (tag: string) => tag.toLowerCase().replace(/\W+/g, "-");
