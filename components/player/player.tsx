"use client";

import dynamic from "next/dynamic";
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { nextSpeed, sourceAt, type Track, trackOf } from "./track";

// The bar's code is fetched on the first play: every page carries the player, few pages use it,
// and a phone should not parse and hydrate controls nobody has asked for.
const PlayerBar = dynamic(() => import("./player-bar").then((m) => m.PlayerBar), { ssr: false });

// The one audio player of the site. Mounted once in the root layout, so it keeps playing while the
// reader moves between pages (the App Router keeps the root layout mounted). It takes over clicks
// on "Play the moment" links (a[data-play-src], components/player/play-moment.tsx) anywhere on the
// page; a click with a modifier key, or a middle click, still opens the link as the browser would.

export type PlayerState = {
  track: Track | null;
  playing: boolean;
  time: number;
  duration: number;
  rate: number;
  /** What a screen reader hears: "Playing …", "Paused". */
  status: string;
  /** Why the audio did not play, shown in the bar (a feed whose enclosure is not audio, a host
   * that is down). */
  error: string | null;
};

export type PlayerControls = {
  play: (track: Track) => void;
  toggle: () => void;
  skip: (seconds: number) => void;
  seek: (seconds: number) => void;
  cycleSpeed: () => void;
  close: () => void;
};

const PlayerContext = createContext<PlayerControls | null>(null);

/** The player's controls, for a component that starts playback itself (null outside the provider). */
export function usePlayer(): PlayerControls | null {
  return useContext(PlayerContext);
}

export function PlayerProvider({ children }: { children: React.ReactNode }) {
  const audio = useRef<HTMLAudioElement>(null);
  const [state, setState] = useState<PlayerState>({
    track: null,
    playing: false,
    time: 0,
    duration: 0,
    rate: 1,
    status: "",
    error: null,
  });
  const controls = useControls(audio, setState);
  useLinkClicks(controls.play);
  useShortcut(state.track !== null, controls.toggle);
  useAudioEvents(audio, state.track, setState);
  return (
    <PlayerContext.Provider value={controls}>
      {children}
      {/* Always rendered, so the element (and what it plays) outlives every page. */}
      {/* biome-ignore lint/a11y/useMediaCaption: podcast audio; the transcript is on the episode's page. */}
      <audio ref={audio} preload="none" data-player-audio hidden />
      <p className="sr-only" aria-live="polite">
        {state.status}
      </p>
      {/* Once opened (a status is set on the first play) the bar stays mounted; it hides itself. */}
      {state.track !== null || state.status !== "" ? (
        <PlayerBar state={state} controls={controls} />
      ) : null}
    </PlayerContext.Provider>
  );
}

type SetState = React.Dispatch<React.SetStateAction<PlayerState>>;

function useControls(audio: React.RefObject<HTMLAudioElement | null>, setState: SetState) {
  const play = useCallback(
    (track: Track) => {
      const element = audio.current;
      if (!element) return;
      const same = element.src !== "" && new URL(element.src).href.split("#")[0] === track.src;
      if (same && element.readyState > 0) element.currentTime = track.start;
      else {
        element.preload = "auto";
        element.src = sourceAt(track);
      }
      setState((s) => ({
        ...s,
        track,
        time: track.start,
        status: `Loading ${track.title}`,
        error: null,
      }));
      // Called inside the click, so the browser counts it as the reader's own gesture. A newer
      // click replacing the source aborts this one's promise: that is not a failure.
      element.play().catch((error: unknown) => {
        if (error instanceof DOMException && error.name === "AbortError") return;
        const message = "The audio could not be played.";
        setState((s) => ({ ...s, playing: false, status: message, error: message }));
      });
    },
    [audio, setState],
  );
  const toggle = useCallback(() => {
    const element = audio.current;
    if (!element?.src) return;
    if (element.paused) element.play().catch(() => {});
    else element.pause();
  }, [audio]);
  const skip = useCallback(
    (seconds: number) => {
      const element = audio.current;
      if (!element?.src) return;
      const max = Number.isFinite(element.duration) ? element.duration : Number.POSITIVE_INFINITY;
      element.currentTime = Math.max(0, Math.min(max, element.currentTime + seconds));
    },
    [audio],
  );
  const seek = useCallback(
    (seconds: number) => {
      if (audio.current?.src) audio.current.currentTime = Math.max(0, seconds);
    },
    [audio],
  );
  const cycleSpeed = useCallback(() => {
    const element = audio.current;
    if (!element) return;
    element.playbackRate = nextSpeed(element.playbackRate);
    element.defaultPlaybackRate = element.playbackRate;
  }, [audio]);
  const close = useCallback(() => {
    const element = audio.current;
    element?.pause();
    setState((s) => ({ ...s, track: null, playing: false, status: "Player closed" }));
  }, [audio, setState]);
  return useMemo(
    () => ({ play, toggle, skip, seek, cycleSpeed, close }),
    [play, toggle, skip, seek, cycleSpeed, close],
  );
}

/** Clicks on a[data-play-src] anywhere play in place instead of opening the audio file. */
function useLinkClicks(play: (track: Track) => void) {
  useEffect(() => {
    function onClick(event: MouseEvent) {
      if (event.defaultPrevented || event.button !== 0) return;
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = (event.target as Element | null)?.closest?.<HTMLAnchorElement>(
        "a[data-play-src]",
      );
      const track = link ? trackOf(link.dataset) : null;
      if (!track) return;
      event.preventDefault();
      play(track);
    }
    document.addEventListener("click", onClick, true);
    return () => document.removeEventListener("click", onClick, true);
  }, [play]);
}

/** "p" plays and pauses while the player is open (j, k, s and o belong to the feed's cards). */
function useShortcut(open: boolean, toggle: () => void) {
  useEffect(() => {
    if (!open) return;
    function onKey(event: KeyboardEvent) {
      if (event.key !== "p" || event.metaKey || event.ctrlKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest("input:not([type=range]), textarea, select, [contenteditable=true]"))
        return;
      event.preventDefault();
      toggle();
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open, toggle]);
}

function useAudioEvents(
  audio: React.RefObject<HTMLAudioElement | null>,
  track: Track | null,
  setState: SetState,
) {
  useEffect(() => {
    const element = audio.current;
    if (!element) return;
    const time = () => {
      // A soundbite plays its range and stops at its end, once: play again and it goes on.
      if (track?.end != null && element.currentTime >= track.end && !element.paused) {
        element.pause();
        setState((s) => (s.track ? { ...s, track: { ...s.track, end: null } } : s));
      }
      setState((s) => ({ ...s, time: element.currentTime }));
    };
    const meta = () =>
      setState((s) => ({
        ...s,
        duration: Number.isFinite(element.duration) ? element.duration : 0,
      }));
    const playing = () =>
      setState((s) => ({
        ...s,
        playing: true,
        status: s.track ? `Playing ${s.track.title}` : s.status,
      }));
    const paused = () =>
      setState((s) => ({ ...s, playing: false, status: s.track ? "Paused" : s.status }));
    const rate = () => setState((s) => ({ ...s, rate: element.playbackRate }));
    const failed = () => {
      const message = "The audio could not be loaded from the show's host.";
      setState((s) => ({ ...s, playing: false, status: message, error: message }));
    };
    const events: [string, () => void][] = [
      ["timeupdate", time],
      ["seeked", time],
      ["loadedmetadata", meta],
      ["durationchange", meta],
      ["playing", playing],
      ["pause", paused],
      ["ended", paused],
      ["ratechange", rate],
      ["error", failed],
    ];
    for (const [name, handler] of events) element.addEventListener(name, handler);
    return () => {
      for (const [name, handler] of events) element.removeEventListener(name, handler);
    };
  }, [audio, track, setState]);
}
