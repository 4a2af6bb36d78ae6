import { percentiles } from "./score";
import type { Sentence, SplitTranscript } from "./sentences";

// The shape of the conversation the features read a sentence against: who talks how much, and
// the turns sentences sit in.

type Tally = { words: number; sentences: number; questions: number };

export type Speakers = {
  bySpeaker: Map<string, Tally>;
  allWords: number;
  firstSpeaker: string | null;
  topTalker: string | null;
};

export type Turns = {
  streamSentences: Map<number, Sentence[]>;
  streamWords: Map<number, number>;
  turnRanks: Map<number, number>;
};

// Who talks how much, and who asks: the host asks short questions, the guest answers at length.
export function speakersOf({ sentences, streams }: SplitTranscript, lengths: number[]): Speakers {
  const bySpeaker = new Map<string, Tally>();
  let allWords = 0;
  let firstSpeaker: string | null = null;
  for (const sentence of sentences) {
    const speaker = streams[sentence.stream]?.speaker ?? null;
    if (speaker === null) continue;
    firstSpeaker ??= speaker;
    const tally = bySpeaker.get(speaker) ?? { words: 0, sentences: 0, questions: 0 };
    const words = lengths[sentence.index] ?? 0;
    tally.words += words;
    tally.sentences++;
    if (/\?["'”’)\]]*$/.test(sentence.text)) tally.questions++;
    bySpeaker.set(speaker, tally);
    allWords += words;
  }
  // Who talks most.
  const topTalker =
    [...bySpeaker].sort((a, b) => b[1].words - a[1].words || a[0].localeCompare(b[0]))[0]?.[0] ??
    null;
  return { bySpeaker, allWords, firstSpeaker, topTalker };
}

// Streams: where each sentence sits in its turn, how long the turn is, and how long among the
// episode's turns.
export function turnsOf(sentences: Sentence[], lengths: number[]): Turns {
  const streamSentences = new Map<number, Sentence[]>();
  for (const sentence of sentences) {
    const list = streamSentences.get(sentence.stream) ?? [];
    list.push(sentence);
    streamSentences.set(sentence.stream, list);
  }
  const streamWords = new Map<number, number>();
  for (const [stream, list] of streamSentences)
    streamWords.set(
      stream,
      list.reduce((sum, s) => sum + (lengths[s.index] ?? 0), 0),
    );
  const streamIds = [...streamWords.keys()];
  const streamRanks = percentiles(streamIds.map((id) => streamWords.get(id) ?? 0));
  const turnRanks = new Map(streamIds.map((id, k) => [id, streamRanks[k] ?? 0]));
  return { streamSentences, streamWords, turnRanks };
}
