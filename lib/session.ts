import { cache } from "react";
import { auth } from "@/lib/auth";

// The signed-in reader, from the Auth.js database session.

export type Reader = { id: string; email: string | null };

/** Read once per request, however many parts of the page ask (the header, the page). */
export const currentReader = cache(async (): Promise<Reader | null> => {
  const session = await auth();
  const user = session?.user as { id?: string; email?: string | null } | undefined;
  return user?.id ? { id: user.id, email: user.email ?? null } : null;
});
