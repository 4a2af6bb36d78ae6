import { redirect } from "next/navigation";
import { currentReader, type Reader } from "@/lib/session";

/** The signed-in reader, or a redirect to sign-in that comes back to `returnTo`. */
export async function requireReader(returnTo: string): Promise<Reader> {
  const reader = await currentReader();
  if (!reader) redirect(`/signin?${new URLSearchParams({ callbackUrl: returnTo })}`);
  return reader;
}
