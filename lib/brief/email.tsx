import {
  Body,
  Container,
  Head,
  Heading,
  Hr,
  Html,
  Link,
  Preview,
  Section,
  Text,
} from "@react-email/components";
import type { CSSProperties } from "react";
import type { BriefCadence } from "@/db/schema";
import type { BriefEmailInput, BriefItemView } from "@/lib/brief/types";
import { webUrl } from "@/lib/listen";

// The daily brief as React Email. Every block sets its background and its text colour together,
// so a dark-mode client that inverts one inverts the pair and never leaves light text on light
// paper. Adjacent values are joined into one string so each line is one text node in the HTML.

const BRIEF_NAME: Record<BriefCadence, string> = {
  daily: "daily brief",
  weekdays: "weekday brief",
  weekly: "weekly brief",
};

/** Why the reader gets this email, naming the brief they chose. */
export function whyLine(cadence: BriefCadence): string {
  return `You get this because you turned on the ${BRIEF_NAME[cadence]} in your Podbrief settings.`;
}
export const LIBRARY_HEADING = "From your library";

/** Top items first, then the resurfaced ones, each in the order compose chose. */
export function briefSections(items: BriefItemView[]): {
  top: BriefItemView[];
  resurfaced: BriefItemView[];
} {
  return {
    top: items.filter((item) => item.kind === "top"),
    resurfaced: items.filter((item) => item.kind === "resurfaced"),
  };
}

export function briefTitle(
  input: Pick<BriefEmailInput, "items" | "dateLabel" | "cadence">,
): string {
  if (input.cadence === "weekly") return `Podbrief — your weekly brief, ${input.dateLabel}`;
  const topCount = briefSections(input.items).top.length;
  const what = topCount > 0 ? `your top ${topCount}` : "your brief";
  return `Podbrief — ${what} for ${input.dateLabel}`;
}

const color = {
  page: "#f4efe6",
  paper: "#fffdf8",
  ink: "#1c1917",
  muted: "#57534e",
  amber: "#b45309",
  rule: "#e7dfd0",
  quote: "#faf3e6",
  button: "#fdf0dc",
};

const font = "-apple-system, BlinkMacSystemFont, Segoe UI, Roboto, Helvetica, Arial, sans-serif";

const s = {
  body: { margin: 0, padding: 0, backgroundColor: color.page, color: color.ink, fontFamily: font },
  container: {
    maxWidth: "600px",
    margin: "0 auto",
    padding: "24px 16px",
    backgroundColor: color.page,
    color: color.ink,
  },
  title: { fontSize: "22px", lineHeight: "30px", margin: "8px 0 20px", color: color.ink },
  card: {
    backgroundColor: color.paper,
    color: color.ink,
    border: `1px solid ${color.rule}`,
    borderRadius: "10px",
    padding: "20px 22px",
    marginBottom: "16px",
  },
  reason: {
    fontSize: "12px",
    lineHeight: "16px",
    margin: "0 0 6px",
    color: color.amber,
    fontWeight: 600,
    textTransform: "uppercase",
    letterSpacing: "0.04em",
  },
  headline: { fontSize: "19px", lineHeight: "26px", margin: "0 0 8px", color: color.ink },
  headlineLink: { color: color.ink, textDecoration: "none" },
  text: { fontSize: "16px", lineHeight: "24px", margin: "0 0 14px", color: color.ink },
  quote: {
    margin: "0 0 14px",
    padding: "10px 14px",
    borderLeft: `3px solid ${color.amber}`,
    backgroundColor: color.quote,
    color: color.ink,
  },
  quoteText: {
    fontSize: "15px",
    lineHeight: "22px",
    margin: 0,
    fontStyle: "italic",
    color: color.ink,
  },
  speaker: { fontSize: "13px", lineHeight: "18px", margin: "6px 0 0", color: color.muted },
  source: { fontSize: "13px", lineHeight: "18px", margin: "0 0 10px", color: color.muted },
  listen: { fontSize: "14px", lineHeight: "20px", margin: "0 0 14px", color: color.amber },
  link: { color: color.amber, textDecoration: "underline" },
  actions: { fontSize: "14px", lineHeight: "36px", margin: 0, color: color.ink },
  button: {
    display: "inline-block",
    padding: "4px 12px",
    marginRight: "8px",
    border: `1px solid ${color.amber}`,
    borderRadius: "999px",
    backgroundColor: color.button,
    color: color.amber,
    fontWeight: 600,
    textDecoration: "none",
    lineHeight: "20px",
  },
  sectionHeading: {
    fontSize: "13px",
    lineHeight: "18px",
    margin: "24px 0 10px",
    color: color.muted,
    fontWeight: 600,
    textTransform: "uppercase",
    letterSpacing: "0.06em",
  },
  rule: { borderColor: color.rule, margin: "24px 0 16px" },
  footer: { fontSize: "13px", lineHeight: "20px", margin: "0 0 8px", color: color.muted },
} satisfies Record<string, CSSProperties>;

function BriefItem({ item }: { item: BriefItemView }) {
  // Feed-derived links are untrusted: only http(s) becomes clickable.
  const listenUrl = webUrl(item.listenUrl);
  return (
    <Section style={s.card}>
      <Text style={s.reason}>{item.reason}</Text>
      <Heading as="h2" style={s.headline}>
        <Link href={item.insightUrl} style={s.headlineLink}>
          {item.headline}
        </Link>
      </Heading>
      <Text style={s.text}>{item.body}</Text>
      {item.quote.trim() ? (
        <blockquote style={s.quote}>
          <p style={s.quoteText}>{`“${item.quote}”`}</p>
          {item.speaker ? <p style={s.speaker}>{`— ${item.speaker}`}</p> : null}
        </blockquote>
      ) : null}
      <Text style={s.source}>{`${item.podcastTitle} · ${item.episodeTitle}`}</Text>
      {listenUrl ? (
        <Text style={s.listen}>
          <Link href={listenUrl} style={s.link}>
            {item.listenLabel ?? "Listen"}
          </Link>
        </Text>
      ) : null}
      <Text style={s.actions}>
        {item.actions.save ? (
          <Link href={item.actions.save} style={s.button}>
            Save
          </Link>
        ) : (
          <span style={s.button}>★ In your library</span>
        )}
        <Link href={item.actions.more} style={s.button}>
          More like this
        </Link>
        <Link href={item.actions.less} style={s.button}>
          Less like this
        </Link>
      </Text>
    </Section>
  );
}

export function BriefEmail(props: BriefEmailInput & { preheader: string }) {
  const { top, resurfaced } = briefSections(props.items);
  const title = briefTitle(props);
  return (
    <Html lang="en" dir="ltr">
      <Head>
        <title>{title}</title>
        {/* Phones lay the email out at their own width, not at a desktop's 980 px. */}
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {/* Light only: clients that force dark mode invert each colour pair as a whole. */}
        <meta name="color-scheme" content="light" />
        <meta name="supported-color-schemes" content="light" />
      </Head>
      <Preview>{props.preheader}</Preview>
      <Body style={s.body}>
        <Container style={s.container}>
          <Heading as="h1" style={s.title}>
            {title}
          </Heading>
          {top.map((item) => (
            <BriefItem key={item.insightId} item={item} />
          ))}
          {resurfaced.length > 0 ? (
            <>
              <Heading as="h3" style={s.sectionHeading}>
                {LIBRARY_HEADING}
              </Heading>
              {resurfaced.map((item) => (
                <BriefItem key={item.insightId} item={item} />
              ))}
            </>
          ) : null}
          <Hr style={s.rule} />
          <Text style={s.footer}>
            <Link href={props.webViewUrl} style={s.link}>
              View this brief on the web
            </Link>
            {" · "}
            <Link href={props.cadenceUrl} style={s.link}>
              Change how often
            </Link>
            {" · "}
            <Link href={props.settingsUrl} style={s.link}>
              Change topics, time or hour
            </Link>
            {" · "}
            <Link href={props.unsubscribeUrl} style={s.link}>
              Unsubscribe
            </Link>
          </Text>
          <Text style={s.footer}>{whyLine(props.cadence)}</Text>
        </Container>
      </Body>
    </Html>
  );
}
