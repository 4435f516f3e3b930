import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { markRead } from "~/models/notifications.server";
import { notFound, requireUser } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";

// Opening a notification marks it read (only the owner's own) and goes to what it is about.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const target = await markRead(getDb(), user.id, params.notificationId!);
  if (!target) throw notFound();
  throw redirect(target.assignmentId ? `/assignments/${target.assignmentId}` : "/notifications");
}
