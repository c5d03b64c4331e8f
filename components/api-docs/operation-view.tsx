import { type JsonSchema, SchemaView, typeText } from "./schema-view";

export type Operation = {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  "x-token-scope"?: string;
  "x-roles"?: string[] | "public";
  parameters?: { name: string; in: string; required?: boolean; description?: string; schema?: JsonSchema }[];
  requestBody?: { description?: string; content?: Record<string, { schema?: JsonSchema }> };
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: JsonSchema }> }>;
};

const METHOD_COLORS: Record<string, string> = {
  GET: "bg-sky-100 text-sky-900",
  POST: "bg-green-100 text-green-900",
  PATCH: "bg-amber-100 text-amber-900",
  PUT: "bg-amber-100 text-amber-900",
  DELETE: "bg-red-100 text-red-900",
};

/** One operation of the reference: who may call it, its inputs and its answers. */
export function OperationView({ method, path, op }: { method: string; path: string; op: Operation }) {
  const roles = op["x-roles"];
  const scope = op["x-token-scope"];
  const params = op.parameters ?? [];
  const body = op.requestBody?.content;
  return (
    <article id={op.operationId} className="scroll-mt-4 space-y-3 rounded border border-stone-200 bg-white p-4">
      <h3 className="flex flex-wrap items-baseline gap-2">
        <span className={`rounded px-1.5 py-0.5 font-mono text-xs font-semibold ${METHOD_COLORS[method] ?? ""}`}>
          {method}
        </span>
        <code className="break-all font-mono text-sm">{path}</code>
      </h3>
      <p className="text-sm">{op.summary}</p>
      <p className="text-xs text-stone-700">
        {roles === "public" ? "Anyone, no sign-in." : `Roles: ${roles?.join(", ")}.`}{" "}
        {roles !== "public" &&
          (scope ? (
            <>
              API tokens with the <code className="rounded bg-stone-100 px-1 font-mono">{scope}</code> scope.
            </>
          ) : (
            "Browser sessions only: tokens get 403."
          ))}
      </p>
      {op.description && !op.description.startsWith("Roles:") && !op.description.startsWith("Anyone") && (
        <p className="whitespace-pre-line text-xs text-stone-700">{op.description.split("\n\n")[0]}</p>
      )}
      {params.length > 0 && (
        <div className="space-y-1">
          <h4 className="text-xs font-semibold uppercase tracking-wide text-stone-600">Parameters</h4>
          <ul className="space-y-1 text-xs">
            {params.map((p) => (
              <li key={`${p.in}-${p.name}`}>
                <code className="font-mono font-medium">{p.name}</code>{" "}
                <span className="text-stone-600">
                  in {p.in} · {p.required ? "required" : "optional"}
                  {p.schema ? ` · ${typeText(p.schema)}` : ""}
                </span>
                {p.description && <span className="block text-stone-600">{p.description}</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
      {body && (
        <div className="space-y-1">
          <h4 className="text-xs font-semibold uppercase tracking-wide text-stone-600">
            Body <span className="font-normal normal-case">({Object.keys(body).join(", ")})</span>
          </h4>
          {op.requestBody?.description && <p className="text-xs text-stone-600">{op.requestBody.description}</p>}
          {body["application/json"]?.schema && <SchemaView schema={body["application/json"].schema} />}
        </div>
      )}
      <div className="space-y-1">
        <h4 className="text-xs font-semibold uppercase tracking-wide text-stone-600">Answers</h4>
        <ul className="space-y-1 text-xs">
          {Object.entries(op.responses ?? {}).map(([status, response]) => {
            const json = response.content?.["application/json"]?.schema;
            const other = Object.keys(response.content ?? {}).filter((t) => t !== "application/json");
            return (
              <li key={status}>
                <code className="font-mono font-medium">{status}</code>{" "}
                <span className="text-stone-700">{response.description}</span>
                {other.length > 0 && <span className="text-stone-600"> ({other.join(", ")})</span>}
                {status === "200" && json && (
                  <div className="mt-1">
                    <SchemaView schema={json} />
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      </div>
    </article>
  );
}
