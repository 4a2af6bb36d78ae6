import { redirect } from "next/navigation";
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

/** The reader, or a redirect to sign-in that comes back to `returnTo`. */
export async function requireReader(returnTo: string): Promise<Reader> {
  const reader = await currentReader();
  if (!reader) redirect(`/signin?${new URLSearchParams({ callbackUrl: returnTo })}`);
  return reader;
}
