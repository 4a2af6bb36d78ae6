"use client";

import { useEffect, useRef, useState } from "react";
import { CatalogResult, DirectoryHit } from "@/components/show-search-result";
import { inputClass, quietButtonClass } from "@/components/ui";
import type { ShowSearchResults } from "@/lib/views/show-search";

// Find a show by name: the catalog's own shows first, then a podcast directory's. Results come
// as you type (GET /api/shows/search, a pause of 250 ms after the last key); without JavaScript
// the form is a GET of the page itself, which renders the same results on the server.

type Props = {
  /** The page's own path: the form's target without JavaScript. */
  path: string;
  /** The query parameter the page reads (other searches on the page may use `q`). */
  param?: string;
  /** Results rendered on the server for the page's ?q=. */
  initial: ShowSearchResults | null;
};

type Status = { kind: "idle" | "loading" } | { kind: "failed"; message: string };

export function ShowSearch({ path, param = "q", initial }: Props) {
  const [query, setQuery] = useState(initial?.q ?? "");
  const [results, setResults] = useState<ShowSearchResults | null>(initial);
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const latest = useRef(0);

  useEffect(() => {
    const q = query.trim();
    if (q === (results?.q ?? "")) return;
    const ticket = ++latest.current;
    if (!q) {
      setResults(null);
      setStatus({ kind: "idle" });
      return;
    }
    const timer = setTimeout(async () => {
      setStatus({ kind: "loading" });
      const answer = await fetchResults(q);
      if (ticket !== latest.current) return;
      if ("error" in answer) setStatus({ kind: "failed", message: answer.error });
      else {
        setResults(answer);
        setStatus({ kind: "idle" });
      }
    }, 250);
    return () => clearTimeout(timer);
  }, [query, results?.q]);

  return (
    <div>
      <form
        method="get"
        action={path}
        className="flex gap-2"
        onSubmit={(event) => event.preventDefault()}
      >
        <label htmlFor={`find-${param}`} className="sr-only">
          Find a show by name
        </label>
        <input
          id={`find-${param}`}
          name={param}
          type="search"
          autoComplete="off"
          maxLength={200}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          placeholder="Find a show by name"
          className={inputClass}
        />
        <button type="submit" className={quietButtonClass}>
          Search
        </button>
      </form>
      <Announcement results={results} status={status} />
      {results ? <ResultLists results={results} /> : null}
    </div>
  );
}

async function fetchResults(q: string): Promise<ShowSearchResults | { error: string }> {
  try {
    const response = await fetch(`/api/shows/search?${new URLSearchParams({ q })}`, {
      headers: { accept: "application/json" },
    });
    const body = await response.json();
    if (!response.ok) return { error: body?.error?.message ?? "The search failed. Try again." };
    return body as ShowSearchResults;
  } catch {
    return { error: "The search could not reach Podbrief. Check your connection and try again." };
  }
}

function Announcement({ results, status }: { results: ShowSearchResults | null; status: Status }) {
  let text = "";
  if (status.kind === "loading") text = "Searching…";
  else if (status.kind === "failed") text = status.message;
  else if (results?.q) {
    const count = results.catalog.length + results.directory.length;
    text = `${count} ${count === 1 ? "show" : "shows"} found for “${results.q}”.`;
  }
  return (
    <p aria-live="polite" className="mt-2 min-h-5 text-sm text-stone-600 dark:text-stone-300">
      {text}
    </p>
  );
}

function ResultLists({ results }: { results: ShowSearchResults }) {
  return (
    <>
      {results.catalog.length > 0 ? (
        <>
          <h3 className="mt-2 text-sm font-semibold">Already in Podbrief</h3>
          <ul className="divide-y divide-stone-200 dark:divide-stone-800">
            {results.catalog.map((show) => (
              <CatalogResult key={show.id} show={show} />
            ))}
          </ul>
        </>
      ) : null}
      {results.directory.length > 0 ? (
        <>
          <h3 className="mt-4 text-sm font-semibold">From the podcast directory</h3>
          <ul className="divide-y divide-stone-200 dark:divide-stone-800">
            {results.directory.map((show) => (
              <DirectoryHit key={show.feedUrl} show={show} />
            ))}
          </ul>
        </>
      ) : null}
      {results.directoryError ? (
        <p role="alert" className="mt-3 text-sm text-amber-900 dark:text-amber-200">
          {results.directoryError}
        </p>
      ) : null}
    </>
  );
}
