import { type ComposedBrief, storeComposedBriefs } from "@/db/queries/brief-batches";
import { type ClaimedBrief, closeBrief } from "@/db/queries/briefs";
import {
  type BriefCache,
  type Composition,
  chooseBriefs,
  loadCards,
  renderBriefEmail,
} from "@/lib/brief/compose";
import { publicReason } from "@/lib/public-reason";

// A claimed group of briefs, composed together: chosen in one statement (while the run sends the
// group before it), then rendered and stored in one transaction. A group's statement that fails
// is retried reader by reader, so one reader's trouble stays theirs.

export type ComposeOutcome =
  | { kind: "ready"; composed: boolean }
  | { kind: "quiet"; reason: string }
  | { kind: "failed"; reason: string };

export type ChosenGroup = {
  claimed: ClaimedBrief[];
  choices: Map<string, Composition>;
  outcomes: Map<string, ComposeOutcome>;
};

function failure(error: unknown, doing: string): ComposeOutcome {
  return { kind: "failed", reason: publicReason(error, doing) };
}

/**
 * Chooses the items of a claimed group's briefs (a brief rendered by an earlier run is ready as
 * it is). Writes nothing, so a group chosen ahead can be given back as it was.
 */
export async function chooseGroup(
  claimed: ClaimedBrief[],
  now: Date,
  cache: BriefCache,
): Promise<ChosenGroup> {
  const outcomes = new Map<string, ComposeOutcome>();
  const todo = claimed.filter((brief) => !brief.rendered);
  const reader = (brief: ClaimedBrief) => ({
    userId: brief.userId,
    followedTopics: brief.followedTopics,
    cadence: brief.cadence,
    localDate: brief.localDate,
    briefId: brief.id,
  });
  try {
    return {
      claimed,
      outcomes,
      choices: await chooseBriefs({ readers: todo.map(reader), now, cache }),
    };
  } catch {
    // The group's statement failed: each reader alone, so one reader's trouble stays theirs
    // (their brief is retried by a later run, when its lease ends).
    const choices = new Map<string, Composition>();
    for (const brief of todo) {
      try {
        const one = await chooseBriefs({ readers: [reader(brief)], now, cache });
        for (const [userId, choice] of one) choices.set(userId, choice);
      } catch (error) {
        outcomes.set(brief.id, failure(error, "composing a brief"));
      }
    }
    return { claimed, outcomes, choices };
  }
}

/** Renders and stores a chosen group's briefs, and closes its quiet days. */
export async function finishGroup(
  { claimed, choices, outcomes }: ChosenGroup,
  now: Date,
  cache: BriefCache,
): Promise<ComposeOutcome[]> {
  // Every card the group shows in one statement (should it fail, each email loads its own).
  await loadCards(
    cache,
    [...choices.values()].flatMap((c) =>
      c.kind === "brief" ? c.picks.map((p) => p.insightId) : [],
    ),
  ).catch(() => {});
  const composed: ComposedBrief[] = [];
  for (const brief of claimed) {
    const choice = brief.rendered ? undefined : choices.get(brief.userId);
    if (!choice) continue;
    try {
      if (choice.kind === "quiet") {
        await closeBrief({ briefId: brief.id, status: "skipped", reason: choice.reason });
        outcomes.set(brief.id, { kind: "quiet", reason: choice.reason });
        continue;
      }
      const email = await renderBriefEmail({
        userId: brief.userId,
        localDate: brief.localDate,
        cadence: brief.cadence,
        picks: choice.picks,
        now,
        cache,
      });
      composed.push({
        briefId: brief.id,
        recipient: brief.email,
        subject: email.subject,
        headers: email.headers,
        html: email.html,
        text: email.text,
        htmlHash: email.htmlHash,
        items: email.picks,
      });
    } catch (error) {
      outcomes.set(brief.id, failure(error, "composing a brief"));
    }
  }
  const store = async (list: ComposedBrief[]) => {
    const stored = new Set(await storeComposedBriefs(list));
    // One not stored was batched or sent by another run meanwhile: ready, but not composed here.
    for (const email of list) {
      outcomes.set(email.briefId, { kind: "ready", composed: stored.has(email.briefId) });
    }
  };
  await store(composed).catch(async () => {
    // As above: the group's transaction failed, so each brief is stored alone.
    for (const email of composed) {
      await store([email]).catch((error: unknown) => {
        outcomes.set(email.briefId, failure(error, "storing a brief"));
      });
    }
  });
  return claimed.map(
    (brief): ComposeOutcome =>
      brief.rendered
        ? { kind: "ready", composed: false }
        : (outcomes.get(brief.id) ?? { kind: "failed", reason: "not composed" }),
  );
}
