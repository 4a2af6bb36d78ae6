"use client";

import { useActionState } from "react";
import { importOpml } from "@/app/actions/show-search";
import { quietButtonClass } from "@/components/ui";

// Bring the shows of another podcast app: its OPML export, uploaded. Each show is read, added
// and followed; the answer says how many were and which could not be read.

export function OpmlUpload() {
  const [state, action, pending] = useActionState(importOpml, null);
  return (
    <form action={action} className="mt-4">
      <label htmlFor="opml-file" className="block text-sm font-medium">
        Moving from another podcast app? Upload its OPML export
      </label>
      <div className="mt-1 flex flex-wrap items-center gap-2">
        <input
          id="opml-file"
          name="opml"
          type="file"
          required
          accept=".opml,.xml,text/xml,text/x-opml,application/xml"
          className="min-w-0 max-w-full text-sm file:mr-2 file:rounded-full file:border file:border-stone-300 file:bg-white file:px-3 file:py-1 file:text-stone-800 dark:file:border-stone-700 dark:file:bg-stone-900 dark:file:text-stone-200"
        />
        <button type="submit" disabled={pending} className={quietButtonClass}>
          {pending ? "Importing…" : "Import shows"}
        </button>
      </div>
      {state ? (
        <p
          role={state.ok ? "status" : "alert"}
          className={`mt-2 text-sm ${state.ok ? "text-emerald-800 dark:text-emerald-300" : "text-red-700 dark:text-red-400"}`}
        >
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
