import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { unstable_parseMultipartFormData, type UploadHandler } from "@remix-run/node";
import { withoutNul } from "../schemas/form";
import { parseDatabaseUrl } from "./database-url";

/*
 * Evidence files: stored once per content under the data folder, named by their SHA-256
 * (files/ab/abcdef…), written to a temporary name, fsynced and renamed, so a crash never leaves half a file
 * under a real name. The database row (with the hash) is written by the workflow that owns the event.
 */

export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const MAX_FILES_PER_SUBMIT = 10;

/** Where files live: FILES_DIR, else a "files" folder beside the SQLite database. */
export function filesDirectory(): string {
  if (process.env.FILES_DIR) return path.resolve(process.env.FILES_DIR);
  const target = parseDatabaseUrl(process.env.DATABASE_URL);
  return target.engine === "sqlite" ? path.join(path.dirname(target.file), "files") : path.resolve("data/files");
}

const KINDS: Record<string, { contentType: string; magic: (bytes: Buffer) => boolean }> = {
  pdf: { contentType: "application/pdf", magic: (b) => b.subarray(0, 5).toString("latin1") === "%PDF-" },
  png: { contentType: "image/png", magic: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  jpg: { contentType: "image/jpeg", magic: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  jpeg: { contentType: "image/jpeg", magic: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  webp: { contentType: "image/webp", magic: (b) => b.subarray(0, 4).toString("latin1") === "RIFF" && b.subarray(8, 12).toString("latin1") === "WEBP" },
  docx: { contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", magic: isZip },
  xlsx: { contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", magic: isZip },
  pptx: { contentType: "application/vnd.openxmlformats-officedocument.presentationml.presentation", magic: isZip },
  odt: { contentType: "application/vnd.oasis.opendocument.text", magic: isZip },
  ods: { contentType: "application/vnd.oasis.opendocument.spreadsheet", magic: isZip },
  doc: { contentType: "application/msword", magic: isOle },
  xls: { contentType: "application/vnd.ms-excel", magic: isOle },
  ppt: { contentType: "application/vnd.ms-powerpoint", magic: isOle },
};

function isZip(bytes: Buffer) {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}
function isOle(bytes: Buffer) {
  return bytes.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
}

export const ACCEPTED_EXTENSIONS = Object.keys(KINDS).map((ext) => `.${ext}`).join(",");

export interface UploadedFile {
  originalName: string;
  bytes: Buffer;
}

export type FileProblem = { name: string; problem: "too_large" | "wrong_type" | "too_many" | "empty" };

/** The type of a file, from its extension and confirmed by its first bytes; null if not accepted. */
export function detectFileType(name: string, bytes: Buffer): string | null {
  const extension = path.extname(name).slice(1).toLowerCase();
  const kind = KINDS[extension];
  return kind && kind.magic(bytes) ? kind.contentType : null;
}

/**
 * Reads a form that may carry files. Oversized files are drained and reported, not thrown, so every other
 * field the user typed still reaches the action and comes back to the form.
 */
export async function readFormWithFiles(request: Request): Promise<{ formData: FormData; files: UploadedFile[]; problems: FileProblem[] }> {
  const contentType = request.headers.get("Content-Type") ?? "";
  if (!contentType.startsWith("multipart/form-data")) return { formData: await request.formData(), files: [], problems: [] };
  const files: UploadedFile[] = [];
  const problems: FileProblem[] = [];
  const handler: UploadHandler = async ({ name, filename, data }) => {
    if (!filename) {
      const chunks: Uint8Array[] = [];
      let size = 0;
      for await (const chunk of data) {
        size += chunk.byteLength;
        if (size <= 100_000) chunks.push(chunk);
      }
      return Buffer.concat(chunks).toString("utf8");
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of data) {
      size += chunk.byteLength;
      if (size <= MAX_FILE_BYTES) chunks.push(chunk);
    }
    if (name !== "files") return undefined;
    // A chosen file with nothing in it is evidence of nothing: say so rather than drop it unseen.
    if (size === 0) problems.push({ name: filename, problem: "empty" });
    else if (size > MAX_FILE_BYTES) problems.push({ name: filename, problem: "too_large" });
    else if (files.length >= MAX_FILES_PER_SUBMIT) problems.push({ name: filename, problem: "too_many" });
    else {
      const bytes = Buffer.concat(chunks);
      if (detectFileType(filename, bytes)) files.push({ originalName: withoutNul(filename).normalize("NFC").slice(0, 255), bytes });
      else problems.push({ name: filename, problem: "wrong_type" });
    }
    return undefined;
  };
  const formData = await unstable_parseMultipartFormData(request, handler);
  return { formData, files, problems };
}

/** Writes a file under its SHA-256 (once per content) and returns what the files table records. */
export function storeFile(file: UploadedFile) {
  const sha256 = createHash("sha256").update(file.bytes).digest("hex");
  const relative = path.join(sha256.slice(0, 2), sha256);
  const target = path.join(filesDirectory(), relative);
  if (!fs.existsSync(target)) {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const temporary = `${target}.${process.pid}.${Date.now()}.tmp`;
    const handle = fs.openSync(temporary, "w");
    try {
      fs.writeSync(handle, file.bytes);
      fs.fsyncSync(handle);
    } finally {
      fs.closeSync(handle);
    }
    fs.renameSync(temporary, target);
  }
  return {
    originalName: file.originalName,
    contentType: detectFileType(file.originalName, file.bytes) as string,
    sizeBytes: file.bytes.length,
    sha256,
    storagePath: relative,
  };
}

export function openStoredFile(storagePath: string): fs.ReadStream {
  const full = path.join(filesDirectory(), storagePath);
  // Stored paths are ours (hash/hash), but never follow one out of the files folder.
  if (!full.startsWith(filesDirectory() + path.sep)) throw new Error("file path escapes the files folder");
  return fs.createReadStream(full);
}

/** Removes stored files nothing refers to (call with the result of unreferencedFiles). */
export function discardStoredFiles(files: { storagePath: string }[]) {
  for (const file of files) fs.rmSync(path.join(filesDirectory(), file.storagePath), { force: true });
}
