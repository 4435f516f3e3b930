import { useLoaderData } from "@remix-run/react";
import { RegisterTable } from "~/components/register-table";
import { almatyDate } from "~/domain/calendar";
import { listRegister, type RegisterRow } from "~/models/register.server";
import { registerFiltersSchema } from "~/schemas/register";
import { notFound } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";

/*
 * The framework's floor for bench/throughput.ts: the register's first 50 rows, read once and then rendered
 * from memory on every request, in the same table component and page shell. What the register costs above
 * this is ours (queries, sessions); this much is Remix, React and HTTP. Absent (404) unless BENCH_FLOOR=1.
 */

let rows: RegisterRow[] | null = null;

export async function loader() {
  if (process.env.BENCH_FLOOR !== "1") throw notFound();
  const today = almatyDate();
  rows ??= (await listRegister(getDb(), { id: "bench", role: "controller", organizationId: null }, registerFiltersSchema.parse({}), today, "kk")).rows;
  return { rows, today };
}

export default function BenchFloor() {
  const { rows, today } = useLoaderData<typeof loader>();
  return <RegisterTable rows={rows} today={today} />;
}
