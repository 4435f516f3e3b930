// What the benchmark scripts share: starting the production server on a database, signing in, percentiles.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { projectRoot } from "../scripts/build-if-stale.js";

export interface BenchServer {
  url: string;
  pid: number;
  output: () => string;
  stop: () => Promise<void>;
}

/** server.js from the production build on a free loopback port; `cpu` pins it to one core with taskset. */
export async function startBenchServer(databaseUrl: string, options: { env?: Record<string, string>; cpu?: number } = {}): Promise<BenchServer> {
  let output = "";
  const node = [process.execPath, path.join(projectRoot, "server.js")];
  const [command, ...args] = options.cpu === undefined ? node : ["taskset", "-c", String(options.cpu), ...node];
  const child: ChildProcess = spawn(command, args, {
    cwd: projectRoot,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: "0",
      HOST: "127.0.0.1",
      DATABASE_URL: databaseUrl,
      LOG_REQUESTS: "false",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  };
  process.once("SIGINT", () => void stop().finally(() => process.exit(130)));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/running at (http:\/\/\S+)/);
      if (match) resolve(match[1].replace("localhost", "127.0.0.1"));
    });
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", (code) => reject(new Error(`server exited with ${code} before listening:\n${output}`)));
  });
  return { url, pid: child.pid!, output: () => output, stop };
}

/** Signs in through the form, as a browser would; returns the Cookie header to send. */
export async function signIn(url: string, login: string, password: string): Promise<string> {
  const response = await fetch(`${url}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { Origin: url, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ login, password }),
  });
  const cookies = response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]);
  if (response.status < 300 || response.status >= 400 || cookies.length === 0) {
    throw new Error(`sign-in as ${login} failed: HTTP ${response.status}\n${(await response.text()).slice(0, 500)}`);
  }
  return cookies.join("; ");
}

/** Nearest-rank percentile of sorted values. */
export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
