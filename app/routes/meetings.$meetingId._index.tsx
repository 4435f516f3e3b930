import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { MinutesView } from "~/components/meetings/minutes";
import { linkButton } from "~/components/ui/page-header";
import { almatyDate } from "~/domain/calendar";
import { can } from "~/domain/permissions";
import { useI18n } from "~/i18n/use-i18n";
import { getMinutes } from "~/models/meetings.server";
import { notFound, requirePermission } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { resolveLanguage } from "~/utils/language.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "meetings.read");
  // Visibility is in the query: a meeting this user may not read is simply not found.
  const minutes = await getMinutes(getDb(), user, params.meetingId!, resolveLanguage(request, user));
  if (!minutes) throw notFound();
  return { minutes, today: almatyDate(), canEdit: can(user, "meetings.edit") };
}

export default function MeetingPage() {
  const { minutes, today, canEdit } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const id = minutes.meeting.id;
  return (
    <>
      <nav className="mb-4 flex flex-wrap items-center justify-between gap-3" aria-label={t("minutes.actions")}>
        <Link to="/meetings" className="text-sm font-medium text-brand-700 hover:underline">
          ← {t("minutes.backToList")}
        </Link>
        <div className="flex flex-wrap gap-2">
          <Link to={`/meetings/${id}/protocol`} className={linkButton.secondary}>
            {t("minutes.print")}
          </Link>
          <a href={`/meetings/${id}/protocol.pdf`} className={linkButton.secondary}>
            {t("minutes.downloadPdf")}
          </a>
          {canEdit ? (
            <Link to={`/meetings/${id}/edit`} className={linkButton.primary}>
              {t("minutes.edit")}
            </Link>
          ) : null}
        </div>
      </nav>
      <MinutesView minutes={minutes} today={today} />
    </>
  );
}
