import type { LoaderFunctionArgs } from "@remix-run/node";
import { almatyDate } from "~/domain/calendar";
import { deadlineCalendar, getCalendarFeedBySecret, listCalendarDeadlines, markCalendarFeedUsed } from "~/models/calendar-feeds.server";
import { getDb } from "~/utils/db.server";
import { timestamp } from "~/utils/ids";

/*
 * The deadline feed for Outlook, Google Calendar and the like. They send no cookie: the secret in the
 * address is the credential, and the feed speaks for its owner (their visibility, their language).
 * An unknown, revoked or deactivated feed is a bare 404, the same as an address that never existed.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = getDb();
  const feed = await getCalendarFeedBySecret(db, params.secret ?? "");
  if (!feed) return new Response("Not Found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  await markCalendarFeedUsed(db, feed);
  const today = almatyDate();
  const rows = await listCalendarDeadlines(db, feed.actor, today);
  const body = deadlineCalendar(rows, { language: feed.language, origin: new URL(request.url).origin, today, now: timestamp() });
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'inline; filename="tapsyrma-deadlines.ics"',
      "Cache-Control": "private, max-age=300",
      "X-Robots-Tag": "noindex",
    },
  });
}
