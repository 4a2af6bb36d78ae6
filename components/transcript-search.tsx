"use client";

import { useEffect, useRef, useState } from "react";

// The transcript's search box. Without JavaScript it is a plain field of a GET form (the server
// keeps the lines that say it); with JavaScript it also narrows the lines already on the page as
// the reader types, by hiding the others: no React state per line, so a two-hour transcript stays
// quick.

export function TranscriptSearch({
  containerId,
  defaultValue,
  className,
}: {
  /** The element holding the turns ([data-turn]) and their lines ([data-line] with [data-text]). */
  containerId: string;
  defaultValue: string;
  className?: string;
}) {
  const [status, setStatus] = useState("");
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => clearTimeout(timer.current ?? undefined), []);

  function narrow(value: string) {
    const container = document.getElementById(containerId);
    if (!container) return;
    const needle = value.trim().toLowerCase();
    let shown = 0;
    for (const turn of container.querySelectorAll<HTMLElement>("[data-turn]")) {
      let any = false;
      for (const line of turn.querySelectorAll<HTMLElement>("[data-line]")) {
        const text = line.querySelector("[data-text]")?.textContent?.toLowerCase() ?? "";
        const hit = needle === "" || text.includes(needle);
        line.hidden = !hit;
        if (hit) {
          any = true;
          shown++;
        }
      }
      turn.hidden = !any;
    }
    setStatus(
      needle === "" || value.trim() === defaultValue
        ? ""
        : `${shown === 0 ? "No" : shown} ${shown === 1 ? "line says" : "lines say"} “${value.trim()}” here.`,
    );
  }

  return (
    <>
      <input
        id="transcript-q"
        name="q"
        type="search"
        defaultValue={defaultValue}
        maxLength={200}
        placeholder="Search the transcript"
        autoComplete="off"
        className={className}
        onChange={(event) => {
          const value = event.currentTarget.value;
          clearTimeout(timer.current ?? undefined);
          timer.current = setTimeout(() => narrow(value), 150);
        }}
      />
      <p aria-live="polite" className="sr-only" data-transcript-status>
        {status}
      </p>
    </>
  );
}
