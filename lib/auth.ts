import { DrizzleAdapter } from "@auth/drizzle-adapter";
import NextAuth from "next-auth";
import type { EmailConfig } from "next-auth/providers/email";
import GitHub from "next-auth/providers/github";
import { getDb } from "@/db/client";
import { accounts, sessions, users, verificationTokens } from "@/db/schema";
import { authSecret } from "@/lib/auth-secret";
import { env } from "@/lib/env";
import { signInEmail } from "@/lib/mail/sign-in-email";
import { sendEmail } from "@/lib/mail/transport";
import { checkSignInLimits, clientAddress } from "@/lib/sign-in-limits";

// Auth.js: sign-in by emailed link (through lib/mail, so Resend or the outbox), GitHub when its
// keys are set, sessions stored in the database. Initialized lazily: the database opens on first
// use, not when a module is imported (next build imports every route).

export const SIGN_IN_LINK_MINUTES = 15;

export function githubSignInEnabled(): boolean {
  return Boolean(env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET);
}

/** The link in the email opens our confirm page (same query) instead of Auth.js's callback. */
export function confirmUrlFor(callbackUrl: string): string {
  const confirm = new URL("/signin/confirm", env.APP_URL);
  confirm.search = new URL(callbackUrl).search;
  return confirm.toString();
}

const emailLink: EmailConfig = {
  id: "email",
  type: "email",
  name: "Email",
  from: env.EMAIL_FROM,
  maxAge: SIGN_IN_LINK_MINUTES * 60,
  options: {},
  async sendVerificationRequest({ identifier, url, request }) {
    await checkSignInLimits({ email: identifier, client: clientAddress(request.headers) });
    await sendEmail(
      signInEmail({
        to: identifier,
        confirmUrl: confirmUrlFor(url),
        minutes: SIGN_IN_LINK_MINUTES,
      }),
    );
  },
};

export const { handlers, auth, signIn, signOut } = NextAuth(async () => ({
  adapter: DrizzleAdapter(await getDb(), {
    usersTable: users,
    accountsTable: accounts,
    sessionsTable: sessions,
    verificationTokensTable: verificationTokens,
  }),
  secret: authSecret(),
  trustHost: true,
  session: { strategy: "database", maxAge: 30 * 24 * 3600 },
  pages: { signIn: "/signin", verifyRequest: "/signin/check-email", error: "/signin" },
  callbacks: {
    // Pages and actions need the reader's id; Auth.js leaves it out of the session by default.
    session: ({ session, user }) => ({
      ...session,
      user: { id: user.id, email: user.email, name: user.name, emailVerified: null },
    }),
  },
  providers: githubSignInEnabled()
    ? [emailLink, GitHub({ clientId: env.AUTH_GITHUB_ID, clientSecret: env.AUTH_GITHUB_SECRET })]
    : [emailLink],
}));
