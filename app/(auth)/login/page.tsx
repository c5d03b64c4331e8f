import { LoginForm } from "./login-form";

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  return (
    <main className="mx-auto mt-24 max-w-sm px-4">
      <h1 className="mb-6 text-2xl font-semibold">Sign in to Vibecheck</h1>
      <LoginForm callbackUrl={safeCallback(callbackUrl)} />
    </main>
  );
}

/** Only same-site paths: an open redirect would let a link send labelers elsewhere after sign-in. */
function safeCallback(url: string | undefined): string {
  return url?.startsWith("/") && !url.startsWith("//") ? url : "/";
}
