"use client";

import { useId, useRef, useState } from "react";

// "Share" on an insight: the system's share sheet where there is one (the Web Share API), else
// the link copied to the clipboard, else the link shown selected to copy by hand. Without
// JavaScript it is a plain link to the insight's page, whose address is the one to copy.

type Outcome = "idle" | "copied" | "manual";

export function ShareButton({ url, title, text }: { url: string; title: string; text?: string }) {
  const [outcome, setOutcome] = useState<Outcome>("idle");
  const field = useRef<HTMLInputElement>(null);
  const fieldId = useId();

  async function share(event: React.MouseEvent<HTMLAnchorElement>) {
    event.preventDefault();
    if (typeof navigator.share === "function") {
      try {
        await navigator.share({ title, text, url });
        return;
      } catch (error) {
        // The reader closed the share sheet: nothing to do. Any other failure falls through.
        if (error instanceof DOMException && error.name === "AbortError") return;
      }
    }
    try {
      await navigator.clipboard.writeText(url);
      setOutcome("copied");
    } catch {
      setOutcome("manual");
      // The field appears on this render; select it on the next frame.
      requestAnimationFrame(() => field.current?.select());
    }
  }

  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <a href={url} onClick={share} data-action="share" className="card-button card-button-save">
        Share
      </a>
      <span aria-live="polite" className="text-sm text-stone-600 dark:text-stone-300">
        {outcome === "copied" ? "Link copied" : ""}
      </span>
      {outcome === "manual" ? (
        <>
          <label htmlFor={fieldId} className="sr-only">
            Link to copy
          </label>
          <input
            id={fieldId}
            ref={field}
            readOnly
            value={url}
            onFocus={(event) => event.currentTarget.select()}
            className="min-w-0 max-w-full flex-1 rounded border border-stone-300 bg-white px-2 py-1 text-sm text-stone-900 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-100"
          />
        </>
      ) : null}
    </span>
  );
}
