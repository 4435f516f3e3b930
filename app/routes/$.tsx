import { notFound } from "~/utils/auth.server";
import { useRouteError, useRouteLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import type { loader as rootLoader } from "~/root";

// Unknown addresses land here rather than on Remix's bare no-match, so the 404 page keeps the shell,
// the user and their language (the root loader runs).
export async function loader() {
  throw notFound();
}

export default function NotFound() {
  return null;
}

export function ErrorBoundary() {
  const root = useRouteLoaderData<typeof rootLoader>("root");
  return <ErrorPage error={useRouteError()} signedIn={Boolean(root?.user)} />;
}
