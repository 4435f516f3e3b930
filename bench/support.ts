// What the benchmark scripts share beyond scripts/support/server-process.ts: a server pinned to one core,
// signing in, percentiles.
import { execFileSync } from "node:child_process";
import { FormClient, startServerProcess, type ServerProcess } from "../scripts/support/server-process";

/** server.js from the production build on a free loopback port; `cpu` pins it to one core (taskset, where there is one). */
export async function startBenchServer(databaseUrl: string, options: { env?: Record<string, string>; cpu?: number } = {}): Promise<ServerProcess> {
  const server = await startServerProcess(databaseUrl, options.env);
  process.once("SIGINT", () => void server.stop().finally(() => process.exit(130)));
  if (options.cpu !== undefined) {
    try {
      execFileSync("taskset", ["-cp", String(options.cpu), String(server.child.pid)], { stdio: "ignore" });
    } catch {
      console.log("(taskset unavailable: the server is not pinned to a core)");
    }
  }
  return server;
}

/** Signs in through the form, as a browser would; returns the Cookie header to send. */
export async function signIn(url: string, login: string, password: string): Promise<string> {
  const client = new FormClient(url);
  const response = await client.post("/login", { login, password });
  if (response.status < 300 || response.status >= 400 || client.cookieHeader() === "") {
    throw new Error(`sign-in as ${login} failed: HTTP ${response.status}\n${(await response.text()).slice(0, 500)}`);
  }
  return client.cookieHeader();
}

/** Nearest-rank percentile of sorted values. */
export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
