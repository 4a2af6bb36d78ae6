import { render } from "@react-email/components";
import { createElement } from "react";
import type { BriefCadence } from "@/db/schema";
import { BriefEmail, briefSections, briefTitle, LIBRARY_HEADING, whyLine } from "@/lib/brief/email";
import type { BriefEmailInput, BriefItemView, RenderedBrief } from "@/lib/brief/types";
import { webUrl } from "@/lib/listen";

// Brief data → subject, preheader, HTML and plain text. Pure: the sender hashes the result and
// re-sends the identical body on retry, so nothing here may read the clock or a random source.

const SUBJECT_MAX = 78;
const PREHEADER_MAX = 110;

/** Whitespace collapsed, then cut at a word boundary to at most `max` characters with "…". */
export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  // The last space that leaves room for the "…"; a space right after a word keeps that word.
  const space = flat.lastIndexOf(" ", max - 1);
  // One very long word: cut inside it rather than leave almost nothing.
  const cut =
    space >= max / 2
      ? flat.slice(0, space)
      : flat.slice(0, max - 1).replace(/[\uD800-\uDBFF]$/, "");
  return `${cut.replace(/[\s,;:.\-–—]+$/, "")}…`;
}

/** The item the subject and preheader speak for: the first top item, else the first item. */
function leadItem(items: BriefItemView[]): BriefItemView {
  const lead = items.find((item) => item.kind === "top") ?? items[0];
  if (!lead) throw new Error("renderBrief: a brief needs at least one item");
  return lead;
}

/** A weekly brief's subject says so first: "Your weekly brief: <headline> + 9 more". */
export function briefSubject(items: BriefItemView[], cadence: BriefCadence = "daily"): string {
  const prefix = cadence === "weekly" ? "Your weekly brief: " : "";
  const max = SUBJECT_MAX - prefix.length;
  const others = items.length - 1;
  const suffix = others > 0 ? ` + ${others} more` : "";
  const headline = leadItem(items).headline.replace(/\s+/g, " ").trim();
  // A whole headline reads better than a cut one with a count: the preheader and the email
  // say there are more.
  if (headline.length + suffix.length <= max) return `${prefix}${headline}${suffix}`;
  if (headline.length <= max) return `${prefix}${headline}`;
  // Cut where a clause ends if one ends late enough, else at a word.
  const room = max - suffix.length;
  const clause = headline.slice(0, room).search(/[,;:—–](?=[^,;:—–]*$)/);
  const cut = clause >= room / 2 ? `${headline.slice(0, clause)}…` : shorten(headline, room);
  return `${prefix}${cut}${suffix}`;
}

function itemText(item: BriefItemView, index: number): string[] {
  const lines = [`${index}. ${item.headline}`, item.reason, "", item.body];
  if (item.quote.trim()) {
    lines.push("", `“${item.quote}”`);
    if (item.speaker) lines.push(`— ${item.speaker}`);
  }
  lines.push("", `${item.podcastTitle} · ${item.episodeTitle}`);
  const listenUrl = webUrl(item.listenUrl);
  if (listenUrl) lines.push(`${item.listenLabel ?? "Listen"}: ${listenUrl}`);
  lines.push(
    `Read on the web: ${item.insightUrl}`,
    item.actions.save ? `Save: ${item.actions.save}` : "In your library",
    `More like this: ${item.actions.more}`,
    `Less like this: ${item.actions.less}`,
    "",
    "",
  );
  return lines;
}

/** Written by hand rather than converted from the HTML, so every URL appears in full. */
function briefText(input: BriefEmailInput): string {
  const { top, resurfaced } = briefSections(input.items);
  const title = briefTitle(input);
  const lines = [title, "=".repeat(title.length), "", ""];
  top.forEach((item, i) => {
    lines.push(...itemText(item, i + 1));
  });
  if (resurfaced.length > 0) {
    lines.push(LIBRARY_HEADING.toUpperCase(), "");
    resurfaced.forEach((item, i) => {
      lines.push(...itemText(item, top.length + i + 1));
    });
  }
  lines.push(
    "---",
    `View this brief on the web: ${input.webViewUrl}`,
    `Change how often: ${input.cadenceUrl}`,
    `Change topics, time or hour: ${input.settingsUrl}`,
    `Unsubscribe: ${input.unsubscribeUrl}`,
    "",
    whyLine(input.cadence),
  );
  return `${lines.join("\n")}\n`;
}

export async function renderBrief(input: BriefEmailInput): Promise<RenderedBrief> {
  const subject = briefSubject(input.items, input.cadence);
  const preheader = shorten(leadItem(input.items).body, PREHEADER_MAX);
  // render() is async in @react-email/render 2: it streams the tree and waits for all of it.
  const html = await render(createElement(BriefEmail, { ...input, preheader }));
  return { subject, preheader, html, text: briefText(input) };
}
