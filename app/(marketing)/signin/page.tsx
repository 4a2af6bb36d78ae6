import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { requestSignInLink, signInWithGitHub } from "@/app/actions/auth";
import { buttonClass, inputClass, Notice, quietButtonClass } from "@/components/ui";
import { githubSignInEnabled, SIGN_IN_LINK_MINUTES } from "@/lib/auth";
import { readFlash } from "@/lib/flash";
import { safeLocalPath } from "@/lib/safe-path";
import { currentReader } from "@/lib/session";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// Auth.js sends its own errors here as ?error=<Type>; our forms send a sentence.
const AUTH_ERRORS: Record<string, string> = {
  Verification: "That sign-in link has expired or was already used. Ask for a new one below.",
  AccessDenied: "That sign-in was refused.",
  Configuration: "Sign-in is not working right now. Try again in a minute.",
  OAuthAccountNotLinked: "That email already signs in with a link. Use the email form below.",
};

export default async function SignInPage({ searchParams }: Props) {
  const params = await searchParams;
  const one = (key: string) => (typeof params[key] === "string" ? params[key] : undefined);
  const callbackUrl = safeLocalPath(one("callbackUrl"), "/feed");
  if (await currentReader()) redirect(callbackUrl);
  const code = one("error");
  const error = (code && AUTH_ERRORS[code]) || readFlash(params, "error");
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-12">
      <h1 className="text-2xl font-bold">Get your free podcast brief</h1>
      <p className="mt-2 text-stone-600 dark:text-stone-300">
        Sign in with your email. We send you a link that works once, for {SIGN_IN_LINK_MINUTES}{" "}
        minutes. New here? The same link creates your account.
      </p>
      <div className="mt-6">
        <Notice error={error} />
      </div>
      <form action={requestSignInLink} className="mt-4 space-y-3">
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        <label htmlFor="email" className="block text-sm font-medium">
          Email address
        </label>
        <input
          id="email"
          name="email"
          type="email"
          required
          autoComplete="email"
          defaultValue={one("email")}
          placeholder="you@example.com"
          className={inputClass}
        />
        <button type="submit" className={`${buttonClass} w-full`}>
          Email me a sign-in link
        </button>
      </form>
      {githubSignInEnabled() ? (
        <form action={signInWithGitHub} className="mt-4">
          <input type="hidden" name="callbackUrl" value={callbackUrl} />
          <button type="submit" className={`${quietButtonClass} w-full py-2`}>
            Sign in with GitHub
          </button>
        </form>
      ) : null}
    </main>
  );
}
