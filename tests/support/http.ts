import type { TestServer } from "./server";

/** A user agent without JavaScript: plain form posts, cookies kept, redirects not followed. */
export class Client {
  private cookies = new Map<string, string>();

  constructor(
    readonly server: TestServer,
    private readonly defaults: { origin?: string | null; forwardedFor?: string } = {},
  ) {}

  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  setCookie(name: string, value: string) {
    this.cookies.set(name, value);
  }

  hasCookie(name: string): boolean {
    return this.cookies.has(name);
  }

  private remember(response: Response) {
    for (const header of response.headers.getSetCookie()) {
      const [pair, ...attributes] = header.split(";");
      const index = pair.indexOf("=");
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === "";
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  private baseHeaders(): Record<string, string> {
    const headers: Record<string, string> = { Cookie: this.cookieHeader() };
    if (this.defaults.forwardedFor) headers["X-Forwarded-For"] = this.defaults.forwardedFor;
    return headers;
  }

  async get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    const response = await fetch(this.server.url + path, {
      redirect: "manual",
      headers: { ...this.baseHeaders(), ...headers },
    });
    this.remember(response);
    return response;
  }

  async post(
    path: string,
    form: Record<string, string>,
    options: { origin?: string | null; headers?: Record<string, string> } = {},
  ): Promise<Response> {
    const origin = options.origin !== undefined ? options.origin : (this.defaults.origin ?? this.server.origin);
    const headers: Record<string, string> = {
      "Content-Type": "application/x-www-form-urlencoded",
      ...this.baseHeaders(),
      ...options.headers,
    };
    if (origin !== null) headers.Origin = origin;
    const response = await fetch(this.server.url + path, {
      method: "POST",
      redirect: "manual",
      headers,
      body: new URLSearchParams(form).toString(),
    });
    this.remember(response);
    return response;
  }

  /** A multipart form post, as a browser sends a form with files. */
  async postMultipart(path: string, fields: Record<string, string>, files: { name: string; filename: string; bytes: Uint8Array; type?: string }[] = []): Promise<Response> {
    const body = new FormData();
    for (const [name, value] of Object.entries(fields)) body.append(name, value);
    for (const file of files) body.append(file.name, new Blob([Buffer.from(file.bytes)], { type: file.type ?? "application/octet-stream" }), file.filename);
    const response = await fetch(this.server.url + path, {
      method: "POST",
      redirect: "manual",
      headers: { ...this.baseHeaders(), Origin: this.defaults.origin ?? this.server.origin },
      body,
    });
    this.remember(response);
    return response;
  }

  async signIn(login: string, password = "tapsyrma-demo"): Promise<Response> {
    return this.post("/login", { login, password });
  }
}
