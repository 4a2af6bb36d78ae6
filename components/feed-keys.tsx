"use client";

import { useEffect } from "react";

// Keyboard use of a list of cards: j / k move between cards, s saves the current one, o or
// Enter opens it. Keys typed into a field are left alone.

export function FeedKeys() {
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.metaKey || event.ctrlKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest("input, textarea, select, [contenteditable=true]")) return;
      const cards = [...document.querySelectorAll<HTMLElement>("[data-card]")];
      if (cards.length === 0) return;
      const current = cards.findIndex((card) => card.contains(document.activeElement));
      const focusCard = (index: number) => {
        const card = cards[Math.max(0, Math.min(cards.length - 1, index))];
        card?.focus();
        card?.scrollIntoView({ block: "nearest" });
      };
      if (event.key === "j") focusCard(current + 1);
      else if (event.key === "k") focusCard(current === -1 ? 0 : current - 1);
      else if (event.key === "s" && current !== -1) {
        cards[current]?.querySelector<HTMLElement>("[data-action=save]")?.click();
      } else if ((event.key === "o" || event.key === "Enter") && current !== -1) {
        if (event.key === "Enter" && document.activeElement !== cards[current]) return;
        cards[current]?.querySelector<HTMLAnchorElement>("h2 a, h3 a")?.click();
      } else return;
      event.preventDefault();
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
  return (
    <p className="sr-only" aria-live="polite">
      Keyboard: j and k move between insights, s saves, o opens.
    </p>
  );
}
