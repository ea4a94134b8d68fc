// Messages the app sends.
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt } from "./columns";

/**
 * E-mails the app would send (order confirmations, member invitations…), written in the same
 * transaction as the change they report. No mail server is configured: the demo shows them.
 */
export const emailOutbox = sqliteTable(
  "email_outbox",
  {
    id: integer("id").primaryKey(),
    /** What kind of message, e.g. "order_placed", "member_invite". */
    kind: text("kind").notNull(),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    bodyText: text("body_text").notNull(),
    /** Set when a mailer has handed it over (none yet). */
    sentAt: text("sent_at"),
    createdAt: createdAt(),
  },
  (t) => [index("email_outbox_created_idx").on(t.createdAt)],
);
