import type { ReactNode } from "react";
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteError, useRouteLoaderData } from "@remix-run/react";
import { AppShell, type ShellUser } from "./components/app-shell";
import { ErrorPage } from "./components/error-page";
import { useNonce } from "./components/nonce";
import { organizationName } from "./domain/organizations";
import { DEFAULT_LANGUAGE } from "./i18n";
import { CATALOGUES } from "./i18n/catalogues";
import { kk } from "./i18n/kk";
import { countUnread } from "./models/notifications.server";
import { getUserProfile } from "./models/users.server";
import { getSignedInUser } from "./utils/auth.server";
import { getDb } from "./utils/db.server";
import { clearFlashCookie, readFlash } from "./utils/flash.server";
import { resolveLanguage } from "./utils/language.server";
import stylesheet from "./tailwind.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await getSignedInUser(request);
  const language = resolveLanguage(request, user);
  let shellUser: ShellUser | null = null;
  if (user) {
    const [profile, unreadNotifications] = await Promise.all([getUserProfile(getDb(), user.id), countUnread(getDb(), user.id)]);
    shellUser = {
      displayName: user.displayName,
      role: user.role,
      unreadNotifications,
      mustEnrolTwoFactor: user.mustEnrolTwoFactor,
      organizationName:
        profile?.organization_id && profile.organization_name_kk
          ? organizationName(
              { name_kk: profile.organization_name_kk, name_ru: profile.organization_name_ru!, name_en: profile.organization_name_en! },
              language,
            )
          : null,
    };
  }
  const messages = CATALOGUES[language];
  const flashKey = readFlash(request);
  const flash = flashKey && flashKey in messages ? messages[flashKey as keyof typeof messages] : null;
  // Only the active catalogue travels to the browser.
  return data(
    { user: shellUser, language, messages, flash },
    flashKey ? { headers: { "Set-Cookie": clearFlashCookie() } } : undefined,
  );
}

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => {
  const messages = loaderData?.messages ?? kk;
  return [{ title: `${messages["app.name"]} · ${messages["app.tagline"]}` }];
};

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const nonce = useNonce();
  return (
    <html lang={data?.language ?? DEFAULT_LANGUAGE}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
        {/* Before any module loads: zod probes `new Function` to pick its fast path, a violation of our CSP
            (no eval). jitless skips the probe. */}
        <script nonce={nonce} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: "globalThis.__zod_globalConfig={jitless:true}" }} />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const data = useRouteLoaderData<typeof loader>("root");
  return (
    <AppShell user={data?.user ?? null} flash={data?.flash ?? null}>
      <Outlet />
    </AppShell>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const data = useRouteLoaderData<typeof loader>("root");
  return (
    <AppShell user={data?.user ?? null}>
      <ErrorPage error={error} signedIn={Boolean(data?.user)} />
    </AppShell>
  );
}
