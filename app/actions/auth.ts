"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AuthError } from "next-auth";
import { z } from "zod";
import { signIn, signOut } from "@/lib/auth";
import { AppError } from "@/lib/errors";
import { withFlash } from "@/lib/flash";
import { safeLocalPath } from "@/lib/safe-path";
import { clientAddress, signInLimitMessage } from "@/lib/sign-in-limits";

// Sign-in and sign-out forms. They work without JavaScript: errors come back as ?error=.

const email = z.email("Enter a valid email address.").max(320);

/** A path on this site to go to after sign-in; anything else becomes /feed. */
const safeCallback = (raw: FormDataEntryValue | null) => safeLocalPath(raw, "/feed");

/** The AppError an Auth.js error wraps, if any (a rate limit thrown from the email sender). */
function ownError(error: unknown): AppError | null {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    if (e instanceof AppError) return e;
    const inner = (e as { cause?: { err?: unknown } }).cause?.err;
    if (inner instanceof AppError) return inner;
  }
  return null;
}

export async function requestSignInLink(form: FormData): Promise<void> {
  const callbackUrl = safeCallback(form.get("callbackUrl"));
  const back = (error: string) =>
    redirect(
      withFlash(
        `/signin?${new URLSearchParams({ callbackUrl, email: String(form.get("email") ?? "") })}`,
        "error",
        error,
      ),
    );
  const parsed = email.safeParse(String(form.get("email") ?? "").trim());
  if (!parsed.success) {
    back(parsed.error.issues[0]?.message ?? "Enter a valid email address.");
    return;
  }
  const address = parsed.data;
  let landing: unknown;
  try {
    landing = await signIn("email", {
      email: address,
      redirectTo: callbackUrl,
      redirect: false,
    });
  } catch (error) {
    const own = ownError(error);
    if (own) back(own.message);
    console.error("podbrief: sending a sign-in link failed", error);
    back(
      error instanceof AuthError
        ? "We could not send the sign-in email. Try again in a minute."
        : "Something went wrong. Try again.",
    );
    return;
  }
  // Auth.js reports some failures (a limit reached in the sender among them) as an error page to
  // go to rather than by throwing: then no email went out, and the person must not be told to
  // check for one.
  if (typeof landing === "string" && URL.canParse(landing, "http://localhost")) {
    if (new URL(landing, "http://localhost").searchParams.has("error")) {
      const limited = await signInLimitMessage({
        email: address,
        client: clientAddress(await headers()),
      });
      back(limited ?? "We could not send the sign-in email. Try again in a minute.");
    }
  }
  redirect("/signin/check-email");
}

export async function signInWithGitHub(form: FormData): Promise<void> {
  await signIn("github", { redirectTo: safeCallback(form.get("callbackUrl")) });
}

export async function signOutForm(): Promise<void> {
  await signOut({ redirectTo: "/" });
}
