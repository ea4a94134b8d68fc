// Writes e-mails to the outbox table. Call it inside the transaction of the change the e-mail
// reports, so a message exists exactly when its change does.
import { desc } from "drizzle-orm";
import type { db } from "~/db.server";
import { emailOutbox } from "#db/schema";

type Writer = Pick<ReturnType<typeof db>, "insert">;

export type OutgoingEmail = { kind: string; to: string; subject: string; body: string };

export function queueEmail(tx: Writer, email: OutgoingEmail): void {
  tx.insert(emailOutbox)
    .values({ kind: email.kind, toAddress: email.to, subject: email.subject, bodyText: email.body })
    .run();
}

export function latestEmails(reader: Pick<ReturnType<typeof db>, "select">, limit = 50) {
  return reader.select().from(emailOutbox).orderBy(desc(emailOutbox.id)).limit(limit).all();
}
