import path from "node:path";
import mammoth from "mammoth";
import { unstable_parseMultipartFormData, type UploadHandler } from "@remix-run/node";
import type { MessageKey } from "../i18n";

/*
 * The import form: pasted text, or one uploaded .txt (UTF-8) or .docx, read into plain text. The file is read
 * in memory and never stored: only the text it yields is kept with the import.
 */

/** A meeting report, even a long protocol in Word, is far below this. */
export const MAX_IMPORT_FILE_BYTES = 5 * 1024 * 1024;

export type ImportSource = { formData: FormData; file: { name: string; text: string } | null; fileError: MessageKey | null };

function isZip(bytes: Buffer) {
  return bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

async function fileText(name: string, bytes: Buffer): Promise<{ text: string } | { error: MessageKey }> {
  const extension = path.extname(name).toLowerCase();
  if (extension === ".txt") {
    try {
      return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "") };
    } catch {
      return { error: "import.error.notUtf8" };
    }
  }
  if (extension === ".docx") {
    // Checked by its first bytes too: a renamed file of another kind is refused, not fed to the unzipper.
    if (!isZip(bytes)) return { error: "import.error.fileType" };
    try {
      const { value } = await mammoth.extractRawText({ buffer: bytes });
      // mammoth ends every paragraph with a blank line; one line per paragraph reads like the pasted text,
      // so an initial in a paragraph of its own still joins its surname.
      return { text: value.replace(/\n\n/g, "\n") };
    } catch {
      return { error: "import.error.docxUnreadable" };
    }
  }
  return { error: "import.error.fileType" };
}

/** Reads the import form, plain or multipart; file problems come back as a message key, never thrown. */
export async function readImportForm(request: Request): Promise<ImportSource> {
  const contentType = request.headers.get("Content-Type") ?? "";
  if (!contentType.startsWith("multipart/form-data")) return { formData: await request.formData(), file: null, fileError: null };
  let upload: { name: string; bytes: Buffer; size: number } | null = null;
  const handler: UploadHandler = async ({ name, filename, data }) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    const limit = filename ? MAX_IMPORT_FILE_BYTES : 1_000_000;
    // Drained to the end either way, so an oversized file gets a field error rather than a broken connection.
    for await (const chunk of data) {
      size += chunk.byteLength;
      if (size <= limit) chunks.push(chunk);
    }
    if (!filename) return Buffer.concat(chunks).toString("utf8");
    if (name === "file" && size > 0 && !upload) upload = { name: filename.normalize("NFC").slice(0, 255), bytes: Buffer.concat(chunks), size };
    return undefined;
  };
  const formData = await unstable_parseMultipartFormData(request, handler);
  const received = upload as { name: string; bytes: Buffer; size: number } | null;
  if (!received) return { formData, file: null, fileError: null };
  if (received.size > MAX_IMPORT_FILE_BYTES) return { formData, file: null, fileError: "import.error.fileTooLarge" };
  const result = await fileText(received.name, received.bytes);
  if ("error" in result) return { formData, file: null, fileError: result.error };
  return { formData, file: { name: received.name, text: result.text }, fileError: null };
}
