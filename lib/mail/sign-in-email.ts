import type { Email } from "@/lib/mail/transport";

// The sign-in email. Its link opens a page with a button (/signin/confirm) rather than signing in
// on GET, so a mail scanner that prefetches links cannot use up the one-time token.

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );

export function signInEmail({
  to,
  confirmUrl,
  minutes,
}: {
  to: string;
  confirmUrl: string;
  minutes: number;
}): Email {
  const url = escapeHtml(confirmUrl);
  return {
    to,
    kind: "sign-in",
    subject: "Sign in to Podbrief",
    text: [
      "Sign in to Podbrief",
      "",
      `Open this link to sign in (it works once, for ${minutes} minutes):`,
      confirmUrl,
      "",
      "If you did not ask to sign in, ignore this email.",
    ].join("\n"),
    html: `<!doctype html>
<html lang="en"><body style="margin:0;background:#fafaf9;font-family:system-ui,sans-serif;color:#1c1917">
<div style="max-width:480px;margin:0 auto;padding:32px 24px">
<h1 style="font-size:20px;margin:0 0 16px">Sign in to Podbrief</h1>
<p style="margin:0 0 24px;line-height:1.5">Use the button below to sign in. The link works once, for ${minutes} minutes.</p>
<p style="margin:0 0 24px"><a href="${url}" style="display:inline-block;background:#b45309;color:#fff;text-decoration:none;padding:12px 20px;border-radius:8px;font-weight:600">Sign in</a></p>
<p style="margin:0 0 8px;font-size:13px;color:#57534e">Or paste this address into your browser:</p>
<p style="margin:0 0 24px;font-size:13px;word-break:break-all"><a href="${url}" style="color:#b45309">${url}</a></p>
<p style="margin:0;font-size:13px;color:#57534e">If you did not ask to sign in, ignore this email.</p>
</div></body></html>`,
  };
}
