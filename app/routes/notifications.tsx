import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { PageHeader } from "~/components/ui/page-header";
import { EmptyState, Panel } from "~/components/ui/panel";
import { instructionCode } from "~/domain/instructions";
import { organizationNameOf } from "~/i18n/labels";
import type { MessageKey } from "~/i18n";
import { useI18n } from "~/i18n/use-i18n";
import { listNotifications, markAllRead } from "~/models/notifications.server";
import { requireUser } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { notifications: await listNotifications(getDb(), user.id) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  await markAllRead(getDb(), user.id);
  throw redirectWithFlash(request, "/notifications", "notifications.flash.allRead");
}

export default function NotificationsPage() {
  const { notifications } = useLoaderData<typeof loader>();
  const { t, language, dateTime } = useI18n();
  const unread = notifications.filter((n) => !n.read_at).length;
  return (
    <>
      <PageHeader
        title={t("notifications.title")}
        lead={t("notifications.unread", { count: unread })}
        actions={
          unread ? (
            <Form method="post">
              <Button type="submit" variant="secondary">
                {t("notifications.markAllRead")}
              </Button>
            </Form>
          ) : null
        }
      />
      <Panel>
        {notifications.length === 0 ? (
          <EmptyState>{t("notifications.empty")}</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100">
            {notifications.map((notification) => (
              <li key={notification.id} className={`flex flex-wrap items-start justify-between gap-3 px-5 py-4 ${notification.read_at ? "" : "bg-brand-50/60"}`} data-testid="notification">
                <div className="min-w-0 flex-1">
                  <p className={`text-slate-900 ${notification.read_at ? "" : "font-semibold"}`}>
                    {!notification.read_at ? <span className="mr-2 inline-block h-2 w-2 rounded-full bg-brand-600" aria-label={t("notifications.new")} /> : null}
                    {t(`notifications.kind.${notification.kind}` as MessageKey)}
                  </p>
                  {notification.assignment_id && notification.instruction_number ? (
                    <Link to={`/notifications/${notification.id}`} className="mt-1 block text-sm text-brand-800 hover:underline">
                      {instructionCode(notification.protocol_number, notification.instruction_number)} · {organizationNameOf(notification, language)}
                    </Link>
                  ) : null}
                  {notification.instruction_text ? <p className="mt-1 line-clamp-1 text-sm text-slate-600">{notification.instruction_text}</p> : null}
                </div>
                <time className="text-xs text-slate-500" dateTime={notification.created_at}>
                  {dateTime(notification.created_at)}
                </time>
              </li>
            ))}
          </ul>
        )}
      </Panel>
    </>
  );
}
