// What can be wrong with a listing, as codes the interface turns into "what to fix" (shared
// by the server, which stores the code, and the browser, which shows its message).
import type { ReadinessCode } from "~/catalog/readiness";
import type { RejectionReason } from "./types";

export type ListingErrorCode =
  | RejectionReason
  | ReadinessCode
  | "auth_expired" // the shop must be connected again
  | "unavailable" // the marketplace kept failing; retried automatically until the attempts ran out
  | "misconfigured" // the app's marketplace keys or addresses are wrong: an administrator must look
  | "missing_on_marketplace" // the listing disappeared from the marketplace
  | "retrying"; // a temporary failure; the next attempt is scheduled
