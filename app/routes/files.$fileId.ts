import { createReadableStreamFromReadable, type LoaderFunctionArgs } from "@remix-run/node";
import { visibleAssignments } from "~/models/assignments.server";
import { notFound, requirePermission } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { openStoredFile } from "~/utils/files.server";

// Evidence downloads: the file is found only through an assignment the user may see.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "instructions.read");
  const file = await visibleAssignments(getDb(), user)
    .innerJoin("files", "files.assignment_id", "assignments.id")
    .select(["files.original_name", "files.content_type", "files.size_bytes", "files.storage_path"])
    .where("files.id", "=", params.fileId!)
    .executeTakeFirst();
  if (!file) throw notFound();
  const asciiName = file.original_name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return new Response(createReadableStreamFromReadable(openStoredFile(file.storage_path)), {
    headers: {
      "Content-Type": file.content_type,
      "Content-Length": String(file.size_bytes),
      "Content-Disposition": `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(file.original_name)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
