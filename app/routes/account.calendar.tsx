import { documentTitle } from "~/i18n/document-title";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Button } from "~/components/ui/button";
import { Field, FormAlert } from "~/components/ui/field";
import { PageHeader } from "~/components/ui/page-header";
import { Panel } from "~/components/ui/panel";
import { scopeOf } from "~/domain/permissions";
import { useI18n } from "~/i18n/use-i18n";
import { createCalendarFeed, listCalendarFeeds, revokeCalendarFeed } from "~/models/calendar-feeds.server";
import { requireUser } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { translatorFor } from "~/utils/forms.server";
import { TableScroller } from "~/components/ui/table-scroller";

/** Every form this action takes; the authorization matrix test posts each one. */
export const intents = ["create", "revoke"] as const;
const intentSchema = z.object({ intent: z.enum(intents) });

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const feeds = await listCalendarFeeds(getDb(), user.id);
  return {
    live: feeds.find((feed) => !feed.revoked_at) ?? null,
    earlier: feeds.filter((feed) => feed.revoked_at),
    scope: scopeOf(user, "instructions.read") === "own_organization" ? ("own" as const) : ("all" as const),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = intentSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ feedUrl: null, error: translatorFor(request, user)("validation.unknown") }, { status: 400 });
  const db = getDb();
  if (parsed.data.intent === "revoke") {
    const revoked = await revokeCalendarFeed(db, user.id);
    throw redirectWithFlash(request, "/account/calendar", revoked ? "calendar.flash.revoked" : "calendar.flash.nothingToRevoke");
  }
  // Not a redirect: the secret exists only in this response, so the page that answers the post shows it.
  const { secret } = await createCalendarFeed(db, user.id);
  return data({ feedUrl: `${new URL(request.url).origin}/calendar/${secret}.ics`, error: null });
}

export default function CalendarFeedPage() {
  const { live, earlier, scope } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, language, dateTime } = useI18n();
  return (
    <>
      <PageHeader title={t("calendar.title")} lead={t("calendar.lead")} />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Panel title={t("calendar.status.title")}>
            <div className="space-y-4 px-5 py-4">
              {actionData?.error ? <FormAlert>{actionData.error}</FormAlert> : null}
              {actionData?.feedUrl ? (
                <div className="space-y-2 rounded-md border border-emerald-200 bg-emerald-50 p-4" data-testid="calendar-new-link">
                  <h3 className="text-sm font-semibold text-emerald-900">{t("calendar.newLink.title")}</h3>
                  <Field
                    label={t("calendar.newLink.label")}
                    name="feedUrl"
                    type="text"
                    readOnly
                    value={actionData.feedUrl}
                    spellCheck={false}
                    autoComplete="off"
                    onFocus={(event) => event.currentTarget.select()}
                    hint={t("calendar.newLink.once")}
                  />
                </div>
              ) : null}
              {live ? (
                <div className="text-sm text-slate-700" data-testid="calendar-status">
                  <p>{t("calendar.status.active", { date: dateTime(live.created_at) })}</p>
                  <p>{live.last_used_at ? t("calendar.status.lastUsed", { date: dateTime(live.last_used_at) }) : t("calendar.status.neverUsed")}</p>
                </div>
              ) : (
                <p className="text-sm text-slate-700" data-testid="calendar-status">
                  {t("calendar.status.none")}
                </p>
              )}
              <div className="flex flex-wrap items-start gap-3">
                <Form method="post">
                  <input type="hidden" name="intent" value="create" />
                  <Button type="submit">{live ? t("calendar.replace") : t("calendar.create")}</Button>
                </Form>
                {live ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="revoke" />
                    <Button type="submit" variant="secondary">
                      {t("calendar.revoke")}
                    </Button>
                  </Form>
                ) : null}
              </div>
              {live ? (
                <ul className="list-disc space-y-1 pl-5 text-xs text-slate-500">
                  <li>{t("calendar.replaceHint")}</li>
                  <li>{t("calendar.revokeHint")}</li>
                </ul>
              ) : null}
            </div>
          </Panel>
          {earlier.length ? (
            <Panel title={t("calendar.history.title")}>
              <TableScroller>
                <table className="min-w-full divide-y divide-slate-200 text-sm">
                  <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
                    <tr>
                      <th scope="col" className="px-4 py-2">{t("calendar.history.created")}</th>
                      <th scope="col" className="px-4 py-2">{t("calendar.history.lastUsed")}</th>
                      <th scope="col" className="px-4 py-2">{t("calendar.history.revoked")}</th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {earlier.map((feed) => (
                      <tr key={feed.id}>
                        <td className="whitespace-nowrap px-4 py-2 text-slate-700">{dateTime(feed.created_at)}</td>
                        <td className="whitespace-nowrap px-4 py-2 text-slate-700">{feed.last_used_at ? dateTime(feed.last_used_at) : t("calendar.history.never")}</td>
                        <td className="whitespace-nowrap px-4 py-2 text-slate-700">{dateTime(feed.revoked_at)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroller>
            </Panel>
          ) : null}
        </div>
        <Panel title={t("calendar.howTo.title")}>
          <div className="space-y-3 px-5 py-4 text-sm text-slate-700">
            <p>{t("calendar.what")}</p>
            <p>{t(scope === "own" ? "calendar.scope.own" : "calendar.scope.all")}</p>
            <ul className="list-disc space-y-1 pl-5">
              <li>{t("calendar.howTo.outlook")}</li>
              <li>{t("calendar.howTo.google")}</li>
            </ul>
            <p>{t("calendar.language", { language: t(`language.${language}`) })}</p>
            <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-amber-900">{t("calendar.secret")}</p>
            <p className="text-slate-600">{t("calendar.thirdParty")}</p>
          </div>
        </Panel>
      </div>
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => documentTitle(matches, "calendar.title");
