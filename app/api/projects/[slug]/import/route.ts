import { ADMINS } from "@/lib/auth/roles";
import { DomainError } from "@/lib/errors";
import { projectRoute } from "@/lib/http/project-route";
import { importUpload, MAX_FORM_BYTES, MAX_UPLOAD_BYTES, readUploadForm, uploadTooLarge } from "@/lib/import";

const emptyBody = () =>
  new DomainError(
    "EMPTY_BODY",
    'Send the JSONL file as the request body (Content-Type: application/x-ndjson) or as a form field named "file".',
  );

/** Imports prompts with candidates into a project: the formats and limits are in its description below. */
export const POST = projectRoute(
  {
    roles: ADMINS,
    access: "staff",
    scope: "import:write",
    summary: "Import prompts with candidates (JSONL), all or nothing",
    description:
      "Send the JSONL file as the raw body (application/x-ndjson or text/plain, up to 500 MB) or as a multipart form field named `file` (up to 50 MB). Answers the import summary, or 400 INVALID_IMPORT with details [{ line, field, message }].",
    consumes: {
      contentTypes: ["application/x-ndjson", "text/plain", "multipart/form-data"],
      description: "One prompt per line with its candidates.",
    },
  },
  async ({ req, project }) => {
    const type = req.headers.get("content-type") ?? "";
    const length = Number(req.headers.get("content-length") ?? Number.NaN);
    if (!req.body || length === 0) throw emptyBody();

    if (type.startsWith("multipart/form-data")) {
      if (length > MAX_FORM_BYTES) throw uploadTooLarge(MAX_FORM_BYTES, "Send big files as the raw request body. ");
      const file = (await readUploadForm(req.body, type)).get("file");
      if (!(file instanceof Blob)) {
        throw new DomainError("NO_FILE", 'The form has no file in a field named "file"; choose a .jsonl file.');
      }
      return importUpload(file.stream(), project);
    }

    if (length > MAX_UPLOAD_BYTES) throw uploadTooLarge(MAX_UPLOAD_BYTES);
    return importUpload(req.body, project);
  },
);
