import { NextResponse } from "next/server";

// For load balancers and uptime checks: answers without touching the database or sessions, so it
// also measures the web tier's own floor in `npm run bench`.
export function GET() {
  return NextResponse.json({ ok: true });
}
