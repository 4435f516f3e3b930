import { Fragment } from "react";
import type { TitleKey } from "~/i18n/document-title";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { MinutesView } from "~/components/meetings/minutes";
import { linkButton } from "~/components/ui/page-header";
import { almatyDate } from "~/domain/calendar";
import { useI18n } from "~/i18n/use-i18n";
import { getMinutes } from "~/models/meetings.server";
import { notFound, requirePermission } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { resolveLanguage } from "~/utils/language.server";

// The printable protocol: the minutes on an A4 sheet. The print rules (page size, hidden chrome) are in
// tailwind.css; the server's PDF (protocol.pdf) is Chromium printing this very page.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "meetings.read");
  // Visibility is in the query: a meeting this user may not read is simply not found.
  const minutes = await getMinutes(getDb(), user, params.meetingId!, resolveLanguage(request, user));
  if (!minutes) throw notFound();
  return { minutes, today: almatyDate(), printedAt: new Date().toISOString() };
}

export default function ProtocolPage() {
  const { minutes, today, printedAt } = useLoaderData<typeof loader>();
  const { t, dateTime } = useI18n();
  const { meeting } = minutes;
  return (
    <>
      <nav
        aria-label={t("minutes.actions")}
        className="protocol-toolbar mx-auto mb-4 flex max-w-[210mm] flex-wrap items-center justify-between gap-3 print:hidden"
      >
        <Link to={`/meetings/${meeting.id}`} className="text-sm font-medium text-brand-700 hover:underline">
          ← {t("protocol.backToMinutes")}
        </Link>
        {/* A plain link: Content-Disposition makes it a download, and an error shows as a page. */}
        <a href={`/meetings/${meeting.id}/protocol.pdf`} className={linkButton.primary}>
          {t("minutes.downloadPdf")}
        </a>
      </nav>
      <p className="protocol-toolbar mx-auto mb-3 max-w-[210mm] text-right text-xs text-slate-500 print:hidden">{t("protocol.printHint")}</p>
      <div className="protocol-sheet mx-auto min-h-[297mm] max-w-[210mm] bg-white px-[16mm] py-[18mm] shadow-lg ring-1 ring-slate-200">
        {meeting.status !== "published" ? (
          <p className="mb-4 text-center text-sm font-bold uppercase tracking-[0.3em]">{t("meetingStatus.draft")}</p>
        ) : null}
        <MinutesView minutes={minutes} today={today} variant="print" />
        {meeting.chair_name ? (
          <div className="protocol-signature mt-12 flex items-end justify-between gap-8 text-[11pt] text-black">
            <span className="max-w-[65%] font-semibold">
              {/* Lines break between words only, never after the hyphen of "Премьер-Министрі". */}
              {meeting.chair_position?.split(/\s+/).map((word, index) => (
                <Fragment key={index}>
                  {index ? " " : ""}
                  <span className="whitespace-nowrap">{word}</span>
                </Fragment>
              ))}
            </span>
            <span className="whitespace-nowrap font-semibold">{meeting.chair_name}</span>
          </div>
        ) : null}
        <p className="mt-10 border-t border-slate-400 pt-2 text-[8pt] text-slate-600">
          {t("app.owner")} · {t("protocol.printedOn", { date: dateTime(printedAt) })}
        </p>
      </div>
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const titles = (matches.find((match) => match.id === "root")?.data as { titles?: Partial<Record<TitleKey, string>> } | undefined)?.titles;
  const heading = titles?.["protocol.heading"] ?? "Protocol";
  const number = data?.minutes.meeting.protocol_number;
  const numbered = number ? `${heading} ${(titles?.["minutes.protocolNumber"] ?? "No. {number}").replace("{number}", number)}` : heading;
  return [{ title: `${numbered} · ${titles?.["app.name"] ?? "Tapsyrma"}` }];
};
