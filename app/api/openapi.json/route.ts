import { NextResponse } from "next/server";
import { documented } from "@/lib/http/route";
import { apiReference } from "../reference";

// Public: it describes what the routes accept, not anything stored, and a client generator should
// not need credentials to read it.
export const GET = documented(() => NextResponse.json(apiReference()), {
  roles: "public",
  summary: "This document: the OpenAPI 3.1 description of every route",
});
