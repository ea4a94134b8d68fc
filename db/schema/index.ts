// The whole data model of OCOP Connect, one file per room. Money is integer đồng; instants are
// stored as UTC ISO-8601 text ("2026-11-22T03:04:05.000Z"); calendar dates (certificate validity)
// are "yyyy-MM-dd" text; "*_day" columns are the local (Asia/Ho_Chi_Minh) calendar day of an
// instant, stored so rollups can group without date arithmetic per row. A new table goes in its
// room's file and is re-exported here (drizzle-kit and `#db/schema` read this file).
export * from "../vocabulary";
export * from "./places";
export * from "./people";
export * from "./catalogue";
export * from "./orders";
export * from "./payments";
export * from "./marketplaces";
export * from "./imports";
export * from "./registry";
export * from "./indicators";
export * from "./notifications";
export * from "./bank-notifications";
