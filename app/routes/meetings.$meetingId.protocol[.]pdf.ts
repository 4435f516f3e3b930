import type { LoaderFunctionArgs } from "@remix-run/node";
import { translator } from "~/i18n/catalogues";
import { getMeetingForActor } from "~/models/meetings.server";
import { HTTP_SESSION_COOKIE, notFound, readSessionToken, requirePermission } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { LANGUAGE_COOKIE, resolveLanguage } from "~/utils/language.server";
import { PdfUnavailableError, renderPdf } from "~/utils/pdf.server";

// The printable protocol as a PDF: Chromium prints /meetings/:id/protocol, loaded over loopback as this user.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "meetings.read");
  // Checked here first, before any browser starts: a meeting this user may not read is simply not found.
  const meeting = await getMeetingForActor(getDb(), user, params.meetingId!);
  if (!meeting) throw notFound();

  const language = resolveLanguage(request, user);
  const token = readSessionToken(request)!;
  try {
    const pdf = await renderPdf({
      path: `/meetings/${encodeURIComponent(meeting.id)}/protocol`,
      cookies: [
        { name: HTTP_SESSION_COOKIE, value: token },
        { name: LANGUAGE_COOKIE, value: language },
      ],
      language,
    });
    return new Response(pdf, {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": contentDisposition(meeting.protocol_number),
        "Content-Length": String(pdf.byteLength),
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (!(error instanceof PdfUnavailableError)) throw error;
    console.error(`PDF unavailable: ${error.message}`);
    return new Response(translator(language)("protocol.pdfUnavailable"), {
      status: 503,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
}

/** protocol-<number>.pdf: an ASCII-only filename for every client, and the exact one as filename* (RFC 6266). */
function contentDisposition(protocolNumber: string | null): string {
  const name = protocolNumber ? `protocol-${protocolNumber}.pdf` : "protocol.pdf";
  const ascii = name.replace(/[^A-Za-z0-9._-]+/g, "_");
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
