"use client";

import { useEffect, useRef } from "react";
import { formatTimestamp } from "@/lib/format";
import type { PlayerControls, PlayerState } from "./player";
import { SKIP_SECONDS, speedLabel } from "./track";

// The player's bar, fixed at the bottom of the screen while something is loaded. The page gets
// bottom padding of the bar's height, so the bar never covers its end. Keys: p plays and pauses
// anywhere; ← and → go back and forward 15 s while focus is in the bar.

const control =
  "inline-flex h-10 min-w-10 shrink-0 items-center justify-center rounded-full px-2 text-sm font-semibold text-stone-800 hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-700 dark:text-stone-100 dark:hover:bg-stone-800 dark:focus-visible:outline-amber-400";

export function PlayerBar({ state, controls }: { state: PlayerState; controls: PlayerControls }) {
  const bar = useRef<HTMLElement>(null);
  useBodyPadding(bar, state.track !== null);
  const { track } = state;
  return (
    <>
      {track ? (
        <section
          ref={bar}
          aria-label="Audio player"
          data-player
          className="fixed inset-x-0 bottom-0 z-40 border-t border-stone-200 bg-white/95 px-3 pb-[max(0.5rem,env(safe-area-inset-bottom))] pt-2 shadow-[0_-4px_12px_rgba(0,0,0,0.06)] backdrop-blur dark:border-stone-800 dark:bg-stone-900/95"
          onKeyDown={(event) => {
            if ((event.target as HTMLElement).matches("input[type=range]")) return;
            if (event.key === "ArrowLeft") controls.skip(-SKIP_SECONDS);
            else if (event.key === "ArrowRight") controls.skip(SKIP_SECONDS);
            else return;
            event.preventDefault();
          }}
        >
          <div className="mx-auto flex max-w-3xl flex-col gap-1">
            <div className="flex items-center gap-2">
              <p className="min-w-0 flex-1 truncate text-sm">
                {track.show ? (
                  <span className="text-stone-600 dark:text-stone-300">{track.show} · </span>
                ) : null}
                <span className="font-semibold">{track.title}</span>
              </p>
              <button
                type="button"
                className={control}
                onClick={controls.close}
                aria-label="Close the player"
                title="Close the player"
              >
                ✕
              </button>
            </div>
            {state.error ? (
              <p className="text-sm text-red-800 dark:text-red-300" data-player-error>
                {state.error}{" "}
                <a
                  href={track.src}
                  target="_blank"
                  rel="noopener nofollow noreferrer"
                  className="font-medium underline"
                >
                  Open the audio address
                </a>
              </p>
            ) : null}
            <Seek state={state} seek={controls.seek} />
            <Buttons state={state} controls={controls} />
          </div>
        </section>
      ) : null}
    </>
  );
}

function Seek({ state, seek }: { state: PlayerState; seek: (seconds: number) => void }) {
  const max = Math.max(state.duration, state.time, 1);
  const position = `${formatTimestamp(state.time)} of ${state.duration ? formatTimestamp(state.duration) : "unknown length"}`;
  return (
    <div className="flex items-center gap-2 text-xs tabular-nums text-stone-600 dark:text-stone-300">
      <span data-player-time>{formatTimestamp(state.time)}</span>
      <input
        type="range"
        min={0}
        max={Math.ceil(max)}
        step={1}
        value={Math.floor(state.time)}
        onChange={(event) => seek(Number(event.target.value))}
        aria-label="Position in the episode"
        aria-valuetext={position}
        className="h-2 min-w-0 flex-1 cursor-pointer accent-amber-700 dark:accent-amber-400"
      />
      <span>{state.duration ? formatTimestamp(state.duration) : "–:––"}</span>
    </div>
  );
}

function Buttons({ state, controls }: { state: PlayerState; controls: PlayerControls }) {
  return (
    <div className="flex items-center justify-center gap-1 sm:gap-3">
      <button
        type="button"
        className={control}
        onClick={() => controls.skip(-SKIP_SECONDS)}
        aria-label={`−${SKIP_SECONDS} s: back ${SKIP_SECONDS} seconds`}
        aria-keyshortcuts="ArrowLeft"
        title={`Back ${SKIP_SECONDS} seconds (←)`}
      >
        −{SKIP_SECONDS} s
      </button>
      <button
        type="button"
        className="inline-flex h-11 w-11 shrink-0 items-center justify-center rounded-full bg-amber-700 text-lg text-white hover:bg-amber-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-700 dark:bg-amber-500 dark:text-stone-950 dark:hover:bg-amber-400 dark:focus-visible:outline-amber-400"
        onClick={controls.toggle}
        aria-label={state.playing ? "Pause" : "Play"}
        aria-keyshortcuts="p"
        title={state.playing ? "Pause (p)" : "Play (p)"}
      >
        <span aria-hidden="true">{state.playing ? "❚❚" : "▶"}</span>
      </button>
      <button
        type="button"
        className={control}
        onClick={() => controls.skip(SKIP_SECONDS)}
        aria-label={`+${SKIP_SECONDS} s: forward ${SKIP_SECONDS} seconds`}
        aria-keyshortcuts="ArrowRight"
        title={`Forward ${SKIP_SECONDS} seconds (→)`}
      >
        +{SKIP_SECONDS} s
      </button>
      <button
        type="button"
        className={`${control} border border-stone-300 dark:border-stone-600`}
        onClick={controls.cycleSpeed}
        aria-label={`Speed ${speedLabel(state.rate)}, change`}
        title="Playback speed"
      >
        {speedLabel(state.rate)}
      </button>
    </div>
  );
}

/** While the bar is open, the page ends above it. */
function useBodyPadding(bar: React.RefObject<HTMLElement | null>, open: boolean) {
  useEffect(() => {
    const element = bar.current;
    if (!open || !element) return;
    const pad = () => {
      document.body.style.paddingBottom = `${element.offsetHeight}px`;
    };
    pad();
    const observer = new ResizeObserver(pad);
    observer.observe(element);
    return () => {
      observer.disconnect();
      document.body.style.paddingBottom = "";
    };
  }, [bar, open]);
}
