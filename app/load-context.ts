// What server.js hands every loader and action.
declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The client's address (the proxy's view when TRUST_PROXY is set). */
    clientAddress: string;
    /** This request's Content-Security-Policy nonce: the only inline scripts that run carry it. */
    cspNonce: string;
  }
}
export {};
