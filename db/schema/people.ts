// Producers (cooperatives, companies, households that sell) and the people who use the app:
// accounts, their sessions, and invitations to join a producer.
import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, type AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { PRODUCER_KINDS, PRODUCER_STATUSES, ROLES } from "../vocabulary";
import { createdAt, updatedAt } from "./columns";
import { provinces, communes } from "./places";

export const producers = sqliteTable(
  "producers",
  {
    id: integer("id").primaryKey(),
    slug: text("slug").notNull().unique(),
    kind: text("kind", { enum: PRODUCER_KINDS }).notNull(),
    name: text("name").notNull(),
    taxCode: text("tax_code").unique(),
    provinceId: integer("province_id")
      .notNull()
      .references(() => provinces.id),
    communeId: integer("commune_id").references(() => communes.id),
    address: text("address").notNull().default(""),
    contactName: text("contact_name").notNull().default(""),
    phone: text("phone").notNull().default(""),
    email: text("email").notNull().default(""),
    description: text("description").notNull().default(""),
    bankBin: text("bank_bin"),
    bankAccountNumber: text("bank_account_number"),
    bankAccountName: text("bank_account_name"),
    status: text("status", { enum: PRODUCER_STATUSES }).notNull().default("pending"),
    verifiedAt: text("verified_at"),
    verifiedBy: integer("verified_by").references((): AnySQLiteColumn => users.id),
    /**
     * A producer that signed up with the tax code of an unclaimed producer from the
     * province's OCOP registry: verifying it moves that producer's products here.
     */
    claimsProducerId: integer("claims_producer_id").references((): AnySQLiteColumn => producers.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("producers_province_idx").on(t.provinceId, t.status),
    index("producers_commune_idx").on(t.communeId),
    check("producers_bin_ck", sql`${t.bankBin} is null or (length(${t.bankBin}) = 6)`),
  ],
);

export const users = sqliteTable(
  "users",
  {
    id: integer("id").primaryKey(),
    /** Stored lower-cased. */
    email: text("email").notNull().unique(),
    passwordHash: text("password_hash").notNull(),
    name: text("name").notNull(),
    phone: text("phone").notNull().default(""),
    role: text("role", { enum: ROLES }).notNull(),
    /** The province an official is scoped to. */
    provinceId: integer("province_id").references(() => provinces.id),
    /** The producer a producer member belongs to. */
    producerId: integer("producer_id").references(() => producers.id),
    locale: text("locale", { enum: ["vi", "en"] }).notNull().default("vi"),
    createdAt: createdAt(),
  },
  (t) => [
    index("users_producer_idx").on(t.producerId),
    check("users_email_lower_ck", sql`${t.email} = lower(${t.email})`),
    check(
      "users_scope_ck",
      sql`(${t.role} <> 'official' or ${t.provinceId} is not null)
        and (${t.role} <> 'producer' or ${t.producerId} is not null)`,
    ),
  ],
);

/** The cookie carries a random token; only its SHA-256 is stored here. */
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: text("expires_at").notNull(),
    userAgent: text("user_agent").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [index("sessions_user_idx").on(t.userId), index("sessions_expires_idx").on(t.expiresAt)],
);

/** An e-mailed invitation to join a producer; the link carries a token whose SHA-256 is kept. */
export const producerInvitations = sqliteTable(
  "producer_invitations",
  {
    id: integer("id").primaryKey(),
    producerId: integer("producer_id")
      .notNull()
      .references(() => producers.id),
    /** Stored lower-cased. */
    email: text("email").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    invitedBy: integer("invited_by")
      .notNull()
      .references(() => users.id),
    expiresAt: text("expires_at").notNull(),
    acceptedAt: text("accepted_at"),
    acceptedUserId: integer("accepted_user_id").references(() => users.id),
    revokedAt: text("revoked_at"),
    createdAt: createdAt(),
  },
  (t) => [index("producer_invitations_producer_idx").on(t.producerId, t.createdAt)],
);
