import { databaseAnswers, getDb } from "~/utils/db.server";

// For load balancers and operators: 200 when the database answers, 503 otherwise.
export async function loader() {
  const ok = await databaseAnswers(getDb());
  return Response.json(ok ? { status: "ok" } : { status: "unavailable" }, {
    status: ok ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
