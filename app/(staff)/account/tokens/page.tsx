import { headers } from "next/headers";
import Link from "next/link";
import { NewTokenForm } from "@/components/tokens/new-token-form";
import { RevokeButton } from "@/components/tokens/revoke-button";
import { pageUserWithRole } from "@/lib/auth/page";
import { ML_TEAM } from "@/lib/auth/roles";
import { scopesFor } from "@/lib/auth/scopes";
import { listTokens, type TokenView } from "@/lib/auth/tokens";
import { publicOrigin } from "@/lib/http/origin";

export const dynamic = "force-dynamic";

const day = (iso: string) => iso.slice(0, 10);

function status(token: TokenView, now: number): { text: string; active: boolean } {
  if (token.revokedAt) return { text: `revoked ${day(token.revokedAt)}`, active: false };
  if (Date.parse(token.expiresAt) <= now) return { text: `expired ${day(token.expiresAt)}`, active: false };
  return { text: `active until ${day(token.expiresAt)}`, active: true };
}

/** API tokens: an ML engineer or admin creates (shown once), lists and revokes them; admins see everyone's. */
export default async function TokensPage() {
  const user = await pageUserWithRole(ML_TEAM, "/account/tokens");
  const [tokens, origin] = await Promise.all([listTokens(user), headers().then(publicOrigin)]);
  const now = Date.now();
  return (
    <main className="mx-auto max-w-4xl space-y-10 px-4 py-10">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">API tokens</h1>
        <p className="text-sm text-stone-600">
          Call the API from scripts and training jobs. A token acts as you, only on the routes its scopes open, until it
          expires or you revoke it. See the{" "}
          <Link href="/docs/api" className="underline">
            API reference
          </Link>
          .
        </p>
      </header>

      <section className="space-y-3">
        <h2 className="text-lg font-medium">New token</h2>
        <NewTokenForm scopes={scopesFor(user.role)} />
        <p className="text-sm text-stone-600">Send it in the Authorization header:</p>
        <pre className="whitespace-pre-wrap break-all rounded bg-stone-900 p-3 text-xs text-stone-100">
          {`curl -H "Authorization: Bearer $VIBECHECK_TOKEN" \\\n  ${origin}/api/projects/<slug>/export -o preferences.jsonl`}
        </pre>
      </section>

      <section className="space-y-3">
        <h2 className="text-lg font-medium">{user.role === "ADMIN" ? "Everyone's tokens" : "Your tokens"}</h2>
        {tokens.length === 0 ? (
          <p className="rounded border border-stone-200 bg-white p-4 text-sm">
            No tokens yet. Create one above; it is shown once, so keep it in your secrets manager.
          </p>
        ) : (
          <ul className="divide-y divide-stone-200 rounded border border-stone-200 bg-white" data-testid="tokens">
            {tokens.map((token) => {
              const state = status(token, now);
              return (
                <li
                  key={token.id}
                  data-token={token.name}
                  className="flex flex-wrap items-start gap-x-6 gap-y-1 p-3 text-sm"
                >
                  <div className="min-w-0 flex-1 space-y-1">
                    <p>
                      <span className="font-medium">{token.name}</span>{" "}
                      <code className="font-mono text-stone-600">{token.prefix}…</code>
                    </p>
                    <p className="text-stone-600">
                      {token.scopes.join(", ")}
                      {user.role === "ADMIN" && <> · {token.owner}</>}
                    </p>
                    <p className="text-stone-600">
                      <span data-testid="token-status" className={state.active ? "text-green-800" : "text-stone-700"}>
                        {state.text}
                      </span>{" "}
                      · created {day(token.createdAt)} ·{" "}
                      {token.lastUsedAt ? `last used ${day(token.lastUsedAt)}` : "never used"}
                    </p>
                  </div>
                  {state.active && <RevokeButton id={token.id} name={token.name} />}
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </main>
  );
}
