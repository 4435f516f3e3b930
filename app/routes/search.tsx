import { documentTitle } from "~/i18n/document-title";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { MarkedText } from "~/components/marked-text";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { PageHeader } from "~/components/ui/page-header";
import { EmptyState, Panel } from "~/components/ui/panel";
import { instructionCode } from "~/domain/instructions";
import type { MessageKey } from "~/i18n";
import { organizationNameOf } from "~/i18n/labels";
import { useI18n } from "~/i18n/use-i18n";
import { SEARCH_LIMIT_PER_KIND, searchRecords } from "~/models/search.server";
import { SEARCH_QUERY_MAX_LENGTH } from "~/domain/search";
import { searchParamsSchema } from "~/schemas/search";
import { requirePermission } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "instructions.read");
  const { q } = searchParamsSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const results = q ? await searchRecords(getDb(), user, q) : null;
  return { q: q ?? "", results, limit: SEARCH_LIMIT_PER_KIND };
}

const input =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-500 focus:ring-2 focus:ring-brand-200 focus:outline-none";

function Group({ title, count, children }: { title: string; count: number; children: ReactNode }) {
  if (count === 0) return null;
  return (
    <Panel title={`${title} · ${count}`}>
      <ul className="divide-y divide-slate-100">{children}</ul>
    </Panel>
  );
}

function Hit({ to, heading, meta, snippet, kind }: { to: string; heading: ReactNode; meta: ReactNode; snippet: string; kind: string }) {
  return (
    <li className="px-5 py-4" data-testid="search-hit" data-kind={kind}>
      <Link to={to} className="font-medium text-brand-800 hover:underline">
        {heading}
      </Link>
      <p className="mt-1 text-sm text-slate-600">{meta}</p>
      {snippet ? (
        <p className="mt-2 text-sm text-slate-800">
          <MarkedText value={snippet} />
        </p>
      ) : null}
    </li>
  );
}

export default function SearchPage() {
  const { q, results, limit } = useLoaderData<typeof loader>();
  const { t, language, date, dateTime, number } = useI18n();
  const limited = results
    ? [results.meetings, results.speakers, results.instructions, results.reports].some((group) => group.length >= limit)
    : false;
  return (
    <>
      <PageHeader title={t("search.title")} lead={results ? t("search.found", { count: number(results.total) }) : t("search.intro")} />
      <Form method="get" role="search" className="mb-6 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <label className="min-w-64 flex-1 text-sm font-medium text-slate-800">
          {t("search.label")}
          <input type="search" name="q" defaultValue={q} maxLength={SEARCH_QUERY_MAX_LENGTH} className={`mt-1 ${input}`} />
        </label>
        <Button type="submit">{t("search.submit")}</Button>
      </Form>

      {results && results.total === 0 ? (
        <Panel>
          <EmptyState>{t("search.empty", { query: q })}</EmptyState>
        </Panel>
      ) : null}

      {results && results.total > 0 ? (
        <div className="space-y-6">
          {limited ? <p className="text-sm text-slate-600">{t("search.limited", { count: number(limit) })}</p> : null}

          <Group title={t("search.kind.meetings")} count={results.meetings.length}>
            {results.meetings.map((hit) => (
              <Hit
                key={hit.id}
                kind="meeting"
                to={`/meetings/${hit.id}`}
                heading={<MarkedText value={hit.title} />}
                meta={
                  <>
                    {dateTime(hit.held_at)}
                    {hit.protocol_number ? ` · № ${hit.protocol_number}` : ""}{" "}
                    {hit.status !== "published" ? <Badge tone="warning">{t("meetingStatus.draft")}</Badge> : null}
                  </>
                }
                snippet={hit.snippet}
              />
            ))}
          </Group>

          <Group title={t("search.kind.speakers")} count={results.speakers.length}>
            {results.speakers.map((hit) => (
              <Hit
                key={hit.id}
                kind="speaker"
                to={`/meetings/${hit.meeting_id}`}
                heading={
                  <>
                    <MarkedText value={hit.name} />
                    {hit.position ? <span className="font-normal text-slate-600"> — {hit.position}</span> : null}
                  </>
                }
                meta={`${hit.meeting_title} · ${date(hit.held_at)}`}
                snippet={hit.snippet}
              />
            ))}
          </Group>

          <Group title={t("search.kind.instructions")} count={results.instructions.length}>
            {results.instructions.map((hit) => (
              <Hit
                key={hit.id}
                kind="instruction"
                to={`/instructions/${hit.id}`}
                heading={t("instructions.edit.title", { code: instructionCode(hit.protocol_number, hit.number) })}
                meta={hit.meeting_title}
                snippet={hit.snippet}
              />
            ))}
          </Group>

          <Group title={t("search.kind.reports")} count={results.reports.length}>
            {results.reports.map((hit) => (
              <Hit
                key={hit.id}
                kind="report"
                to={`/assignments/${hit.assignment_id}`}
                heading={`${t(`timeline.kind.${hit.kind}` as MessageKey, { date: date(hit.requested_deadline ?? hit.to_deadline) })} · ${organizationNameOf(hit, language)}`}
                meta={`${t("instructions.edit.title", { code: instructionCode(hit.protocol_number, hit.instruction_number) })} · ${dateTime(hit.created_at)}`}
                snippet={hit.snippet}
              />
            ))}
          </Group>
        </div>
      ) : null}
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => documentTitle(matches, "search.title");
