import { ADMINS } from "@/lib/auth/roles";
import { DomainError } from "@/lib/errors";
import { projectRoute } from "@/lib/http/project-route";
import { importUpload, MAX_FORM_BYTES, MAX_UPLOAD_BYTES, readUploadForm, uploadTooLarge } from "@/lib/import";

const emptyBody = () =>
  new DomainError(
    "EMPTY_BODY",
    'Send the JSONL file as the request body (Content-Type: application/x-ndjson) or as a form field named "file".',
  );

/**
 * Imports prompts with candidates (JSONL, one prompt per line) into a project, all or nothing.
 * Body: the JSONL file itself (Content-Type application/x-ndjson or text/plain; streamed to disk,
 * up to 500 MB: the way for big files), or a multipart form with a `file` field (up to 50 MB).
 * Answers the import summary, or 400 INVALID_IMPORT with details [{ line, field, message }].
 */
export const POST = projectRoute({ roles: ADMINS, access: "staff" }, async ({ req, project }) => {
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
});
