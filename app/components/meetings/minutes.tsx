import { instructionCode } from "../../domain/instructions";
import { isOverdue } from "../../domain/lifecycle";
import type { MeetingKind } from "../../domain/organizations";
import { organizationNameOf } from "../../i18n/labels";
import { useI18n } from "../../i18n/use-i18n";
import type { Minutes } from "../../models/meetings.server";
import { StatusBadge } from "../status-badge";
import { Badge } from "../ui/badge";
import { TableScroller } from "../ui/table-scroller";

/**
 * The meeting as minutes: what was held, who reported, and what was instructed to whom, with each
 * assignment's live status. The same component renders the page and the printable protocol.
 */
export function MinutesView({ minutes, today, variant = "screen" }: { minutes: Minutes; today: string; variant?: "screen" | "print" }) {
  const { t, language, date, dateTime, number } = useI18n();
  const { meeting, agendaItems, speakers, instructions } = minutes;
  const print = variant === "print";
  const isUrl = (value: string) => /^https?:\/\//i.test(value);
  const sectionTitle = print ? "mt-8 mb-3 text-base font-bold uppercase tracking-wide text-slate-900" : "mb-3 text-lg font-semibold text-slate-900";

  return (
    <article className={print ? "minutes-print text-[11pt] leading-snug text-black" : "space-y-8"}>
      <header className={print ? "mb-6 border-b-2 border-black pb-4 text-center" : "rounded-lg border border-slate-200 bg-white p-6 shadow-sm"}>
        {print ? <p className="text-xs font-semibold uppercase tracking-widest">{t(`meetingKind.${meeting.kind as MeetingKind}`)}</p> : null}
        <p className={print ? "mt-1 text-base font-bold uppercase tracking-widest" : "text-sm font-medium text-brand-700"}>
          {print ? t("protocol.heading") : t(`meetingKind.${meeting.kind as MeetingKind}`)}
          {meeting.protocol_number ? ` ${t("minutes.protocolNumber", { number: meeting.protocol_number })}` : ""}
        </p>
        <h1 className={print ? "mt-2 text-lg font-bold" : "mt-1 text-2xl font-semibold text-slate-900"}>{meeting.title}</h1>
        {!print ? (
          <div className="mt-3 flex flex-wrap gap-2">
            <Badge tone={meeting.status === "published" ? "success" : "warning"}>
              {t(meeting.status === "published" ? "meetingStatus.published" : "meetingStatus.draft")}
            </Badge>
            {meeting.edited_after_publish_at ? (
              <Badge tone="info">{t("minutes.editedOn", { date: dateTime(meeting.edited_after_publish_at) })}</Badge>
            ) : null}
          </div>
        ) : null}
        <dl className={print ? "mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-left text-sm" : "mt-5 grid gap-x-8 gap-y-3 text-sm sm:grid-cols-2"}>
          {/* On the protocol the kind heads the page; there the place comes before the chair. */}
          {!print ? (
            <div>
              <dt className="font-medium text-slate-600">{t("minutes.kind")}</dt>
              <dd className="text-slate-900">{t(`meetingKind.${meeting.kind as MeetingKind}`)}</dd>
            </div>
          ) : null}
          <div className={print ? "contents" : ""}>
            <dt className="font-medium text-slate-600">{t("minutes.held")}</dt>
            <dd className="text-slate-900">{dateTime(meeting.held_at)}</dd>
          </div>
          {print && meeting.place ? (
            <div className="contents">
              <dt className="font-medium text-slate-600">{t("minutes.place")}</dt>
              <dd className="text-slate-900">{meeting.place}</dd>
            </div>
          ) : null}
          <div className={print ? "contents" : ""}>
            <dt className="font-medium text-slate-600">{t("minutes.chair")}</dt>
            <dd className="text-slate-900">
              {meeting.chair_name ?? "—"}
              {meeting.chair_position ? <span className="text-slate-600">, {meeting.chair_position}</span> : null}
            </dd>
          </div>
          {meeting.place && !print ? (
            <div>
              <dt className="font-medium text-slate-600">{t("minutes.place")}</dt>
              <dd className="text-slate-900">{meeting.place}</dd>
            </div>
          ) : null}
          {meeting.source_reference ? (
            <div className={print ? "contents" : ""}>
              <dt className="font-medium text-slate-600">{t("minutes.source")}</dt>
              <dd className="break-all text-slate-900">
                {isUrl(meeting.source_reference) && !print ? (
                  <a href={meeting.source_reference} className="text-brand-700 underline" rel="noreferrer noopener">
                    {meeting.source_reference}
                  </a>
                ) : (
                  meeting.source_reference
                )}
              </dd>
            </div>
          ) : null}
        </dl>
        {meeting.summary ? <p className={print ? "mt-4 text-left" : "mt-5 whitespace-pre-line text-slate-700"}>{meeting.summary}</p> : null}
      </header>

      {agendaItems.length ? (
        <section className={print ? "" : "rounded-lg border border-slate-200 bg-white p-6 shadow-sm"}>
          <h2 className={sectionTitle}>{t("meetings.agenda.title")}</h2>
          <ol className="list-decimal space-y-1 pl-6">
            {agendaItems.map((item) => (
              <li key={item.id}>{item.title}</li>
            ))}
          </ol>
        </section>
      ) : null}

      <section className={print ? "" : "rounded-lg border border-slate-200 bg-white p-6 shadow-sm"}>
        <h2 className={sectionTitle}>{t("minutes.speakers")}</h2>
        {speakers.length === 0 ? (
          <p className="text-slate-500">{t("meetings.speakers.empty")}</p>
        ) : (
          <ol className={print ? "space-y-2" : "space-y-4"}>
            {speakers.map((speaker, index) => (
              <li key={speaker.id} className="flex gap-3" data-testid="speaker">
                <span className={print ? "w-6 shrink-0 font-semibold" : "mt-0.5 flex h-6 w-6 shrink-0 items-center justify-center rounded-full bg-brand-50 text-xs font-semibold text-brand-800"}>
                  {index + 1}{print ? "." : ""}
                </span>
                <div className="min-w-0">
                  <p className="font-semibold text-slate-900">{speaker.full_name}</p>
                  <p className={print ? "text-sm" : "text-sm text-slate-600"}>
                    {[speaker.position, organizationNameOf(speaker, language)].filter(Boolean).join(", ")}
                  </p>
                  {speaker.summary ? <p className={print ? "mt-1" : "mt-1 whitespace-pre-line text-slate-700"}>{speaker.summary}</p> : null}
                </div>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section className={print ? "" : "space-y-4"}>
        <h2 className={sectionTitle}>{t("minutes.instructions")}</h2>
        {instructions.length === 0 ? <p className="text-slate-500">{t("minutes.noInstructions")}</p> : null}
        {instructions.map((instruction) => {
          const code = instructionCode(meeting.protocol_number, instruction.number);
          const leads = instruction.assignments.filter((a) => a.role === "lead");
          const leadsDone = leads.filter((a) => a.status === "done").length;
          return (
            <div
              key={instruction.id}
              id={`instruction-${instruction.number}`}
              data-testid="instruction"
              // On paper an instruction stays whole; one "to the akimats" (a long list) may continue on the next page
              // between rows, its table head repeated, rather than leave most of a page empty before it.
              className={print ? (instruction.assignments.length <= 8 ? "mb-5 break-inside-avoid" : "mb-5") : "rounded-lg border border-slate-200 bg-white shadow-sm"}
            >
              <div className={print ? "" : "p-6"}>
                <div className="flex flex-wrap items-start gap-3">
                  <span className={print ? "font-bold" : "rounded bg-brand-800 px-2 py-0.5 font-mono text-sm font-semibold text-white"}>{code}</span>
                  {instruction.special_control && !print ? <Badge tone="danger">{t("minutes.specialControl")}</Badge> : null}
                  {!print && leads.length > 0 && leadsDone === leads.length ? <Badge tone="success">{t("minutes.removedFromControl")}</Badge> : null}
                </div>
                <p className={print ? "mt-1 text-justify" : "mt-3 whitespace-pre-line text-slate-900"}>{instruction.text}</p>
                <p className={print ? "mt-1 text-sm" : "mt-3 text-sm text-slate-600"}>
                  <strong>{t("minutes.deadline")}:</strong>{" "}
                  {instruction.deadline ? date(instruction.deadline) : t("table.noDeadline")}
                  {instruction.deadline_note ? ` (${instruction.deadline_note})` : ""}
                  {instruction.issued_by_name ? (
                    <>
                      {" · "}
                      <strong>{t("minutes.issuedBy")}:</strong> {instruction.issued_by_name}
                    </>
                  ) : null}
                  {instruction.special_control && print ? ` · ${t("minutes.specialControl")}` : ""}
                </p>
                {instruction.targets.length ? (
                  <div className="mt-3">
                    <p className="text-sm font-semibold text-slate-800">{t("instructions.targets.title")}</p>
                    <ul className="mt-1 list-disc pl-5 text-sm text-slate-700">
                      {instruction.targets.map((target) => (
                        <li key={target.id}>
                          {target.indicator}: {target.target_value !== null ? number(target.target_value) : "—"} {target.unit ?? ""}
                        </li>
                      ))}
                    </ul>
                  </div>
                ) : null}
              </div>
              {instruction.assignments.length ? (
                <div className={print ? "mt-2" : "border-t border-slate-200"}>
                  {!print ? (
                    <p className="px-6 pt-3 text-sm text-slate-600">{t("minutes.leadsDone", { done: leadsDone, total: leads.length })}</p>
                  ) : null}
                  <TableScroller>
                    <table className={print ? "w-full border-collapse text-sm" : "min-w-full text-sm"}>
                      <caption className="sr-only">{t("instructions.assignments.title")}</caption>
                      <thead className={print ? "" : "text-left text-xs font-semibold uppercase tracking-wide text-slate-600"}>
                        <tr className={print ? "border-b border-black text-left" : ""}>
                          <th scope="col" className={print ? "py-1 pr-4" : "px-6 py-2"}>{t("table.organization")}</th>
                          <th scope="col" className={print ? "py-1 pr-4" : "px-4 py-2"}>{t("instructions.assignments.role")}</th>
                          <th scope="col" className={print ? "py-1" : "px-4 py-2"}>{t("table.deadline")}</th>
                          {!print ? (
                            <>
                              <th scope="col" className="px-4 py-2">{t("table.status")}</th>
                              <th scope="col" className="px-6 py-2 text-right">{t("table.progress")}</th>
                            </>
                          ) : null}
                        </tr>
                      </thead>
                      <tbody className={print ? "" : "divide-y divide-slate-100"}>
                        {instruction.assignments.map((assignment) => (
                          <tr key={assignment.id} className={print ? "border-b border-slate-300" : ""} data-testid="assignment">
                            <td className={print ? "py-1 pr-4" : "px-6 py-2 text-slate-900"}>{organizationNameOf(assignment, language)}</td>
                            <td className={print ? "whitespace-nowrap py-1 pr-4" : "px-4 py-2 text-slate-700"}>{t(`assignmentRole.${assignment.role as "lead" | "co_executor"}`)}</td>
                            <td className={print ? "whitespace-nowrap py-1" : "whitespace-nowrap px-4 py-2 text-slate-700"}>
                              {assignment.deadline ? date(assignment.deadline) : "—"}
                            </td>
                            {!print ? (
                              <>
                                <td className="px-4 py-2">
                                  <StatusBadge status={assignment.status} overdue={isOverdue(assignment, today)} />
                                </td>
                                <td className="px-6 py-2 text-right tabular-nums text-slate-700">
                                  {assignment.percent_complete !== null ? `${assignment.percent_complete}%` : "—"}
                                </td>
                              </>
                            ) : null}
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </TableScroller>
                </div>
              ) : null}
            </div>
          );
        })}
      </section>
    </article>
  );
}
