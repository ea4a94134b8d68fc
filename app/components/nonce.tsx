// The Content-Security-Policy nonce of the request being rendered (app/entry.server.tsx makes one per
// request and sends it in the header); the document's inline and module scripts carry it. In the
// browser there is none to give: the scripts are already in the page, and React adds no inline ones.
import { createContext, useContext } from "react";

export const NonceContext = createContext<string | undefined>(undefined);

export const useNonce = () => useContext(NonceContext);
