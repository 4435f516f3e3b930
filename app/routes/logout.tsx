import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { endSession, requireUser } from "~/utils/auth.server";

// Signing out is a POST (from the header's form); a GET must not end a session.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { beforeTwoFactorEnrolment: true });
  throw redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  await requireUser(request, { beforeTwoFactorEnrolment: true });
  const cookie = await endSession(request);
  throw redirect("/login?signedOut=1", { headers: { "Set-Cookie": cookie } });
}
