// The production server as a child process, for scripts that crash it, load it or copy its database
// while it serves. Started like tests/support/server.ts does, but without Vitest, so scripts can use it too.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output: () => string;
  /** SIGKILL: no shutdown handler runs, as in a power cut or an OOM kill. */
  kill: () => Promise<void>;
  /** SIGTERM: the graceful shutdown server.js does on a deploy. */
  stop: () => Promise<void>;
}

/** nodeArgs: e.g. ["--cpu-prof"] to see where a benchmark's time goes. */
export async function startServerProcess(databaseFile: string, env: Record<string, string> = {}, nodeArgs: string[] = []): Promise<ServerProcess> {
  let output = "";
  const child = spawn(process.execPath, [...nodeArgs, path.join(projectRoot, "server.js")], {
    cwd: projectRoot,
    env: { ...process.env, NODE_ENV: "production", PORT: "0", HOST: "127.0.0.1", DATABASE_URL: databaseFile, LOG_REQUESTS: "false", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/running at (http:\/\/\S+)/);
      if (match) resolve(match[1].replace("localhost", "127.0.0.1"));
    });
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", (code) => reject(new Error(`server exited with ${code} before listening:\n${output}`)));
  });
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return { url, child, output: () => output, kill: () => end("SIGKILL"), stop: () => end("SIGTERM") };
}

/** A browser without JavaScript: cookies kept, redirects not followed, Origin set as our own pages set it. */
export class FormClient {
  private cookies = new Map<string, string>();
  constructor(public baseUrl: string) {}

  private remember(response: Response) {
    for (const header of response.headers.getSetCookie()) {
      const pair = header.split(";")[0];
      const index = pair.indexOf("=");
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      if (value === "" || /max-age=0/i.test(header)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  async get(path: string): Promise<Response> {
    const response = await fetch(this.baseUrl + path, { redirect: "manual", headers: { Cookie: this.cookieHeader() } });
    this.remember(response);
    return response;
  }

  async post(path: string, form: Record<string, string>): Promise<Response> {
    const response = await fetch(this.baseUrl + path, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: this.baseUrl, Cookie: this.cookieHeader() },
      body: new URLSearchParams(form).toString(),
    });
    this.remember(response);
    return response;
  }

  async signIn(login: string, password: string): Promise<void> {
    const response = await this.post("/login", { login, password });
    await response.arrayBuffer();
    if (response.status !== 302) throw new Error(`sign-in as ${login} answered ${response.status}`);
  }
}
