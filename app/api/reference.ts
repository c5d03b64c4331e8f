import { openApiDocument } from "@/lib/http/openapi";
import { ROUTE_MODULES } from "./route-modules";

let built: ReturnType<typeof openApiDocument> | undefined;

/** The API's OpenAPI document, built once per process from the routes' own declarations. */
export function apiReference() {
  built ??= openApiDocument(ROUTE_MODULES);
  return built;
}
