import { createTokenForm, revokeTokenForm } from "@/app/actions/reader";
import { buttonClass, inputClass, quietButtonClass } from "@/components/ui";
import type { ApiTokenSummary } from "@/lib/api-tokens";
import { formatRelativeDay } from "@/lib/format";

// API tokens on /settings: make one (its secret shown here once), list them, revoke one.

export function ApiTokensSection({
  tokens,
  newSecret,
}: {
  tokens: ApiTokenSummary[];
  newSecret: string | null;
}) {
  return (
    <section
      id="api-tokens"
      aria-labelledby="api-tokens-heading"
      className="mt-10 rounded-2xl border border-stone-200 bg-white p-5 dark:border-stone-800 dark:bg-stone-900"
    >
      <h2 id="api-tokens-heading" className="text-lg font-semibold">
        API tokens
      </h2>
      <p className="mt-2 text-sm text-stone-600 dark:text-stone-300">
        A token lets a program (a script, Obsidian, an AI assistant) read and save your insights
        through the API at <code>/api/v1</code> as you. Send it as{" "}
        <code>Authorization: Bearer …</code>.
      </p>
      {newSecret ? <NewSecret secret={newSecret} /> : null}
      <form action={createTokenForm} className="mt-4 flex flex-wrap items-end gap-2">
        <label className="grow text-sm font-medium">
          Token name
          <input
            name="name"
            required
            maxLength={60}
            placeholder="e.g. Obsidian on my laptop"
            className={`${inputClass} mt-1`}
          />
        </label>
        <button type="submit" className={buttonClass}>
          Make a token
        </button>
      </form>
      {tokens.length > 0 ? <TokenTable tokens={tokens} /> : null}
    </section>
  );
}

function NewSecret({ secret }: { secret: string }) {
  return (
    <div
      role="status"
      className="mt-4 rounded-lg border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-950 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100"
    >
      <p className="font-semibold">Your new token. Copy it now: it is not shown again.</p>
      <input
        readOnly
        value={secret}
        aria-label="New API token"
        className={`${inputClass} mt-2 font-mono text-xs`}
      />
    </div>
  );
}

function TokenTable({ tokens }: { tokens: ApiTokenSummary[] }) {
  return (
    <table className="mt-4 w-full text-left text-sm">
      <caption className="sr-only">Your API tokens</caption>
      <thead>
        <tr className="text-stone-600 dark:text-stone-300">
          <th scope="col" className="py-1 font-medium">
            Name
          </th>
          <th scope="col" className="py-1 font-medium">
            Made
          </th>
          <th scope="col" className="py-1 font-medium">
            Last used
          </th>
          <th scope="col" className="py-1 font-medium">
            <span className="sr-only">Status</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {tokens.map((token) => (
          <tr key={token.id} className="border-t border-stone-200 dark:border-stone-800">
            <td className="py-2">{token.name}</td>
            <td className="py-2">{formatRelativeDay(token.createdAt)}</td>
            <td className="py-2">
              {token.lastUsedAt ? formatRelativeDay(token.lastUsedAt) : "never"}
            </td>
            <td className="py-2 text-right">
              {token.revokedAt ? (
                <span>Revoked {formatRelativeDay(token.revokedAt)}</span>
              ) : (
                <form action={revokeTokenForm}>
                  <input type="hidden" name="tokenId" value={token.id} />
                  <button
                    type="submit"
                    className={quietButtonClass}
                    aria-label={`Revoke the token “${token.name}”`}
                  >
                    Revoke
                  </button>
                </form>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
