// What one marketplace is, as plain data: the one file per marketplace beside this one fills it in,
// and the database's reference rows, the app (readiness, settings, order codes, the adapters'
// configuration) and the sandboxes all read it. No imports from app/: db/ and the sandboxes use it too.
import type { CategorySlug } from "../catalogue";

/** What a product needs before it can be published there, checked on the product alone (app/catalog/readiness.ts). */
export type ReadinessRules = {
  /** Shortest side of at least one photo, for the 1:1 crop the marketplace shows. */
  minPhotoSide: number;
  nameLength: readonly [min: number, max: number];
  minDescription: number;
  needsWeight: boolean;
  /** OCOP sections of the state post's marketplaces list certified products only. */
  needsOcop: boolean;
};

/**
 * One environment variable of an API marketplace, with the default that works on a fresh machine:
 * a string or a number (a positive integer) is the sandbox's own credential; `{ sandbox: path }`
 * is an address, by default this marketplace's sandbox (port MARKETPLACE_SANDBOX_PORT + `sandbox.port`)
 * followed by `path`. A real deployment sets each variable.
 */
export type EnvSetting = string | number | { sandbox: string };

/** The app's category → the marketplace's: `[id, name]`, or one string when the name is the id (upload files). */
export type CategoryMapping = readonly [id: string, name: string] | string;

export type MarketplaceDefinition = {
  code: string;
  /** As shown to people; also the name of its row in `marketplaces`. */
  name: string;
  /** Starts the app's order code of an order imported from there (SPE-…). */
  orderPrefix: string;
  readiness: ReadinessRules;
  /** Defaults of `marketplace_settings`: calls per second per connected shop, jobs in flight per shop. */
  limits: { callsPerSecond: number; maxInFlight: number };
  /** Defaults of `marketplace_category_map`, for every app category. */
  categories: Readonly<Record<CategorySlug, CategoryMapping>>;
  /** Attributes every category requires there, with the app's default value. */
  attributes: Readonly<Record<string, string>>;
} & (
  | {
      /** Called by the worker through its adapter. */
      hasApi: true;
      /** The environment variables its adapter reads (names are the marketplace's, upper case). */
      env: Readonly<Record<string, EnvSetting>>;
      /** Its sandbox (scripts/sandbox/<code>.ts) listens on MARKETPLACE_SANDBOX_PORT + port. */
      sandbox: { port: number };
    }
  | {
      /** No public seller API: listings go out in the seller-centre upload file, nothing to configure. */
      hasApi: false;
      env?: undefined;
      sandbox?: undefined;
    }
);

/** Where the sandboxes listen by default (`npm run demo`, the app's default addresses). */
export const DEFAULT_SANDBOX_PORT = 4201;
