import { NextResponse } from "next/server";
import { documented } from "@/lib/http/route";

// For load balancers and uptime checks: answers without touching the database or sessions, so it
// also measures the web tier's own floor in `npm run bench`.
export const GET = documented(() => NextResponse.json({ ok: true }), {
  roles: "public",
  summary: "Liveness check: answers { ok: true } without touching the database",
});
