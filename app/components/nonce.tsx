import { createContext, useContext } from "react";

// The server renders with this request's CSP nonce; in the browser it is undefined (browsers hide nonces from
// the DOM), and Remix's script tags suppress the hydration warning that difference would cause.
const NonceContext = createContext<string | undefined>(undefined);

export const NonceProvider = NonceContext.Provider;

export function useNonce(): string | undefined {
  return useContext(NonceContext);
}
