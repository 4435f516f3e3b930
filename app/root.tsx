import { useEffect, type ReactNode } from "react";
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteError, useRouteLoaderData } from "@remix-run/react";
import { AppShell, type ShellUser } from "./components/app-shell";
import { ErrorPage } from "./components/error-page";
import { useNonce } from "./components/nonce";
import { organizationName } from "./domain/organizations";
import { DEFAULT_LANGUAGE } from "./i18n";
import { CATALOGUES } from "./i18n/catalogues";
import { catalogueUrl } from "./i18n/catalogue-script.server";
import { documentTitle, TITLE_KEYS } from "./i18n/document-title";
import { countUnread } from "./models/notifications.server";
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
    shellUser = {
      displayName: user.displayName,
      role: user.role,
      unreadNotifications: await countUnread(getDb(), user.id),
      mustEnrolTwoFactor: user.mustEnrolTwoFactor,
      organizationName: user.organizationNames ? organizationName(user.organizationNames, language) : null,
    };
  }
  const messages = CATALOGUES[language];
  const flashKey = readFlash(request);
  const flash = flashKey && flashKey in messages ? messages[flashKey as keyof typeof messages] : null;
  // The catalogue itself travels as a cached script (catalogueUrl), not in every page's data.
  return data(
    { user: shellUser, language, catalogue: catalogueUrl(language), titles: Object.fromEntries(TITLE_KEYS.map((key) => [key, messages[key]])), flash },
    flashKey ? { headers: { "Set-Cookie": clearFlashCookie() } } : undefined,
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => documentTitle(matches);

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
        {/* The catalogue first: a classic script runs before the deferred modules that hydrate the page. Without
            root data (an error before its loader ran) the server rendered in the default language. */}
        <script src={data?.catalogue ?? `/i18n/${DEFAULT_LANGUAGE}.js`} nonce={nonce} suppressHydrationWarning />
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
  const language = data?.language;
  // The page's texts came with the document: after a change of language without one (a sign-in with another
  // preferred language), load the page again rather than show it half in the old language.
  useEffect(() => {
    if (language && window.__tapsyrmaI18n && window.__tapsyrmaI18n.language !== language) window.location.reload();
  }, [language]);
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
