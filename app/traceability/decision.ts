// OCOP decision numbers and validity: plain code the certificate page's browser side uses too.
export type Validity = "valid" | "expired" | "not_yet";

/** Decision numbers as people type them: trimmed, composed (NFC), inner spaces single. */
export function normaliseDecision(raw: string): string {
  return raw.normalize("NFC").trim().replace(/\s+/g, " ");
}

export function validityOn(issuedOn: string, expiresOn: string, day: string): Validity {
  return day < issuedOn ? "not_yet" : day > expiresOn ? "expired" : "valid";
}
