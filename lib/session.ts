import { redirect } from "next/navigation";
import { auth } from "@/lib/auth";

// The signed-in reader, from the Auth.js database session.

export type Reader = { id: string; email: string | null };

export async function currentReader(): Promise<Reader | null> {
  const session = await auth();
  const user = session?.user as { id?: string; email?: string | null } | undefined;
  return user?.id ? { id: user.id, email: user.email ?? null } : null;
}

/** The reader, or a redirect to sign-in that comes back to `returnTo`. */
export async function requireReader(returnTo: string): Promise<Reader> {
  const reader = await currentReader();
  if (!reader) redirect(`/signin?${new URLSearchParams({ callbackUrl: returnTo })}`);
  return reader;
}
