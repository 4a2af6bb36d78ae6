import "server-only";
import { getOutboxMessage, listOutbox, type OutboxMessage } from "@/db/queries/outbox";
import { outboxViewerEnabled } from "@/lib/mail/transport";

// The local outbox (/dev/outbox): emails kept instead of sent when no mail provider is set.
// Where the viewer is off, there is nothing to read (null): the pages answer not found.

export async function readOutbox() {
  if (!outboxViewerEnabled()) return null;
  return listOutbox({ limit: 100 });
}

export async function readOutboxMessage(id: string): Promise<OutboxMessage | null> {
  if (!outboxViewerEnabled()) return null;
  return getOutboxMessage({ id });
}
