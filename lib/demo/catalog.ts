// Demo catalog: fictional shows written for Podbrief (original prose, no real transcripts).
// The shows, episodes and transcripts are rendered into the feed files under lib/demo/feeds
// (npm run demo:files), which the pipeline ingests and summarizes on first run. The insights
// here are hand-written references: the quality and topic tests measure the code against them.
export type DemoSegment = { start: number; end: number; speaker: string; text: string };
export type DemoInsight = { headline: string; body: string; quote: string; topics: string[] };
export type DemoEpisode = {
  guid: string;
  title: string;
  publishedDaysAgo: number; // days before "now" that the episode was published (0-6)
  durationSeconds: number;
  description: string; // 1-3 sentences of show notes, plain text
  segments: DemoSegment[];
  insights: DemoInsight[];
};
export type DemoShow = {
  slug: string;
  title: string;
  author: string;
  description: string;
  siteUrl: string; // use https://example.com/<slug>
  feedUrl: string; // use https://example.com/<slug>/feed.xml
  language: string; // "en"
  episodes: DemoEpisode[];
};

export const demoCatalog: DemoShow[] = [
  {
    slug: "span-of-care",
    title: "Span of Care",
    author: "Renata Voss",
    description:
      "A weekly show about the unglamorous craft of managing people well. Host Renata Voss, a former engineering director turned management coach, talks with working managers about one-on-ones, feedback, delegation and the habits that make teams trust their leads.",
    siteUrl: "https://example.com/span-of-care",
    feedUrl: "https://example.com/span-of-care/feed.xml",
    language: "en",
    episodes: [
      {
        guid: "span-of-care-ep-1",
        title: "One-on-Ones That Earn Their Half Hour, with Tobias Engstrom",
        publishedDaysAgo: 6,
        durationSeconds: 840,
        description:
          "Tobias Engstrom, who ran support and platform teams at a fast-growing logistics company, explains why most one-on-ones fail and the simple structure he uses instead. Renata and Tobias cover agenda ownership, skip-levels, and how to notice burnout weeks before it shows up in the work.",
        segments: [
          {
            start: 0,
            end: 18,
            speaker: "Renata Voss",
            text: "Hey everyone, welcome back to Span of Care. I'm Renata Voss. Today I've got Tobias Engstrom with me, who spent eight years running support and platform teams at a logistics company that grew from about forty people to four hundred while he was there. Tobias, welcome.",
          },
          {
            start: 18,
            end: 33,
            speaker: "Tobias Engstrom",
            text: "Thanks, Renata. Happy to be here. Um, I should say up front that most of what I'm going to talk about, I learned by getting it wrong first.",
          },
          {
            start: 33,
            end: 48,
            speaker: "Renata Voss",
            text: "That's the best kind of expertise. So let's start with one-on-ones, because everyone has them and almost everyone complains about them. What goes wrong?",
          },
          {
            start: 49,
            end: 70,
            speaker: "Tobias Engstrom",
            text: "The most common failure is that the one-on-one turns into a status meeting. The manager asks what you're working on, the report reads out their ticket list, and thirty minutes later nobody has learned anything that wasn't already in the tracker. If a one-on-one could be replaced by reading the ticket board, it should be.",
          },
          {
            start: 70,
            end: 85,
            speaker: "Renata Voss",
            text: "So what did you change?",
          },
          {
            start: 85,
            end: 112,
            speaker: "Tobias Engstrom",
            text: "I handed the agenda to the report. We keep a shared doc, and they add topics before the meeting, and my items go at the bottom. If they come in with nothing, that's fine, but it's their time first and mine second. Within about a month, the topics shifted from status to things like, I'm stuck between two teams, or I don't know if I'm on track for promotion.",
          },
          {
            start: 113,
            end: 128,
            speaker: "Renata Voss",
            text: "Did people resist that? I can imagine some folks feeling put on the spot.",
          },
          {
            start: 128,
            end: 150,
            speaker: "Tobias Engstrom",
            text: "A few did, especially newer people. So for the first six weeks I give them a small menu of prompts at the top of the doc: what's taking more energy than it should, what's one thing I could do differently, and what decision are you waiting on from someone else? After a while they stop needing the menu.",
          },
          {
            start: 150,
            end: 165,
            speaker: "Renata Voss",
            text: "I love the question about a decision they're waiting on. That one surfaces so much hidden blockage.",
          },
          {
            start: 166,
            end: 185,
            speaker: "Tobias Engstrom",
            text: "It does. I'd estimate half of the real blockers on my teams showed up first as an answer to that question, not in standup. Standup is where people report progress. Nobody wants to say in front of eight peers that they've been waiting on a reply for nine days.",
          },
          {
            start: 185,
            end: 200,
            speaker: "Renata Voss",
            text: "Let's talk cadence. Weekly, every other week?",
          },
          {
            start: 200,
            end: 220,
            speaker: "Tobias Engstrom",
            text: "Weekly, thirty minutes, and I almost never cancel. Here's the counter-intuitive part: when I'm busiest is exactly when I should protect them most. If you cancel one-on-ones during a crunch, your team learns that they matter only when nothing else does. I'd rather shorten one to fifteen minutes than move it.",
          },
          {
            start: 221,
            end: 238,
            speaker: "Renata Voss",
            text: "Quick break. This episode is brought to you by Quillframe, the meeting notes tool that turns your shared agendas into action items without anyone having to play secretary. Span of Care listeners get two months free at quillframe dot example. Okay, back to Tobias.",
          },
          {
            start: 478,
            end: 493,
            speaker: "Renata Voss",
            text: "You mentioned burnout earlier, before we started recording. How do you see it coming?",
          },
          {
            start: 493,
            end: 511,
            speaker: "Tobias Engstrom",
            text: "I track what I call energy signals, not output signals. Output usually holds steady until very late, because conscientious people compensate by working longer. What changes first is smaller stuff: cameras go off, people stop volunteering opinions in design reviews, messages get shorter and arrive later at night.",
          },
          {
            start: 512,
            end: 537,
            speaker: "Tobias Engstrom",
            text: "So once a month, I go back through my one-on-one notes for each person and ask a single question: compared with eight weeks ago, is this person bringing more of themselves to work or less? If the answer is less two months in a row, I raise it directly. Not as a performance issue, as a, hey, I've noticed this and I'm worried about you.",
          },
          {
            start: 537,
            end: 552,
            speaker: "Renata Voss",
            text: "What does raising it directly actually sound like? Because that's where a lot of managers freeze.",
          },
          {
            start: 552,
            end: 572,
            speaker: "Tobias Engstrom",
            text: "I name the observation and then I stop talking. Something like, you've been quieter in reviews for the last few weeks, and I wanted to check in on how you're doing. Then silence, which is the hard part, because most managers fill it with reassurance and the person never gets to answer.",
          },
          {
            start: 573,
            end: 588,
            speaker: "Renata Voss",
            text: "Let's switch to skip-levels. You ran them with people two levels down. How do you keep those from feeling like an inspection?",
          },
          {
            start: 588,
            end: 608,
            speaker: "Tobias Engstrom",
            text: "Two rules. First, I tell their manager exactly what I'm going to ask, in advance, so it's never a back channel. Second, I ask about the system, not the person's manager, with questions like what's one process that wastes your time, or what do you wish leadership understood about your work.",
          },
          {
            start: 608,
            end: 623,
            speaker: "Renata Voss",
            text: "And how often?",
          },
          {
            start: 624,
            end: 642,
            speaker: "Tobias Engstrom",
            text: "Once a quarter per person was plenty at our size. With around thirty people in my org, that's roughly ten skip-levels a month, which is about two a week. Totally sustainable, and it meant I heard about problems maybe a quarter earlier than I would have otherwise.",
          },
          {
            start: 642,
            end: 657,
            speaker: "Renata Voss",
            text: "One more thing I want to ask about is note-taking. Do you write things down during one-on-ones?",
          },
          {
            start: 657,
            end: 683,
            speaker: "Tobias Engstrom",
            text: "Always, and in the shared doc, where they can see it. If I write something privately, it creates a weird asymmetry. If it's in the shared doc, they can correct me on the spot. And any commitment I make goes in with a date next to it, because the fastest way to lose trust is to say, I'll look into that, and then never mention it again.",
          },
          {
            start: 684,
            end: 699,
            speaker: "Renata Voss",
            text: "That's such a good point. The undelivered, I'll look into that.",
          },
          {
            start: 699,
            end: 718,
            speaker: "Tobias Engstrom",
            text: "Right, I actually counted once. Over a quarter I'd made something like thirty-one small promises in one-on-ones and closed out twenty-two. Nine just evaporated. After that, I started reading my open commitments aloud at the start of each meeting, which takes forty seconds and changed how people talked to me.",
          },
          {
            start: 718,
            end: 733,
            speaker: "Renata Voss",
            text: "Tobias, if a new manager listening remembers one thing from this conversation, what should it be?",
          },
          {
            start: 734,
            end: 749,
            speaker: "Tobias Engstrom",
            text: "That the one-on-one is the cheapest, highest-leverage half hour in your week, and it belongs to the other person. Protect it, let them drive it, and keep your promises where they can see them.",
          },
          {
            start: 749,
            end: 764,
            speaker: "Renata Voss",
            text: "Perfect. Tobias Engstrom, thank you, and thanks to all of you for listening to Span of Care. If this was useful, send it to one manager you think would get something out of it, and see you next week.",
          },
        ],
        insights: [
          {
            headline: "Let the report own the one-on-one agenda, with the manager's items last",
            body: "Tobias Engstrom argues that one-on-ones decay into status meetings when the manager sets the agenda. Having the report add topics first to a shared doc, with the manager's items at the bottom, shifted his conversations within about a month from ticket lists to real concerns like cross-team friction and promotion worries.",
            quote:
              "I handed the agenda to the report. We keep a shared doc, and they add topics before the meeting, and my items go at the bottom.",
            topics: ["management", "leadership"],
          },
          {
            headline: "Ask 'What decision are you waiting on?' to surface blockers standup hides",
            body: "By Engstrom's estimate, about half of his teams' real blockers first appeared as answers to this one-on-one prompt rather than in standup. People are reluctant to admit long waits in front of peers, so a private, specific question about stalled decisions reveals hidden dependencies much earlier.",
            quote:
              "Standup is where people report progress. Nobody wants to say in front of eight peers that they've been waiting on a reply for nine days.",
            topics: ["management", "productivity"],
          },
          {
            headline: "Protect one-on-ones hardest during a crunch: shorten them, never cancel",
            body: "Cancelling one-on-ones when things get busy teaches a team that the meeting is optional whenever anything else matters. Engstrom keeps a weekly 30-minute slot and would rather cut it to 15 minutes than move it, because the crunch is exactly when people most need a direct line to their manager.",
            quote:
              "If you cancel one-on-ones during a crunch, your team learns that they matter only when nothing else does. I'd rather shorten one to fifteen minutes than move it.",
            topics: ["leadership", "management"],
          },
          {
            headline: "Watch energy signals, not output, to catch burnout weeks earlier",
            body: "Conscientious people keep output steady by working longer, so declining output is a late burnout signal. Engstrom looks instead for cameras switching off, fewer opinions in reviews and shorter late-night messages, and reviews his notes monthly to ask whether each person is bringing more or less of themselves than eight weeks earlier.",
            quote:
              "Output usually holds steady until very late, because conscientious people compensate by working longer.",
            topics: ["leadership", "health", "psychology"],
          },
          {
            headline:
              "Brief managers on your skip-level questions in advance and ask about the system",
            body: "Skip-level meetings feel like inspections when they work as a back channel. Engstrom shares his questions with the intermediate manager beforehand and asks about processes and blind spots rather than about the person's boss, which at about two meetings a week surfaced problems roughly a quarter earlier.",
            quote:
              "First, I tell their manager exactly what I'm going to ask, in advance, so it's never a back channel.",
            topics: ["leadership", "management"],
          },
          {
            headline: "Read your open one-on-one promises aloud at the start of every meeting",
            body: "When Engstrom audited a quarter of one-on-ones, nearly a third of his small commitments had quietly evaporated. Logging each promise with a date in the shared doc and reading open items aloud takes under a minute, and it signals that the manager's word can be relied on.",
            quote:
              "Over a quarter I'd made something like thirty-one small promises in one-on-ones and closed out twenty-two. Nine just evaporated.",
            topics: ["leadership", "management"],
          },
        ],
      },
      {
        guid: "span-of-care-ep-2",
        title: "Delegation Without Disappearing, with Priya Halvorsen",
        publishedDaysAgo: 1,
        durationSeconds: 780,
        description:
          "Priya Halvorsen, COO of a clinic-scheduling software company, shares the five delegation levels she names out loud, her rules for feedback, and why every cross-team decision at her company gets a half-page record. Plus: the not-doing list every manager should keep.",
        segments: [
          {
            start: 0,
            end: 15,
            speaker: "Renata Voss",
            text: "Welcome to Span of Care, I'm Renata Voss. My guest today is Priya Halvorsen, chief operating officer at Brightwell Clinic Software, where she leads about a hundred and twenty people across operations, support and implementation. Priya, thanks for coming on.",
          },
          {
            start: 15,
            end: 30,
            speaker: "Priya Halvorsen",
            text: "Thank you for having me. I've listened to the show for a while, so this is a bit surreal.",
          },
          {
            start: 30,
            end: 45,
            speaker: "Renata Voss",
            text: "Let's dive right in with delegation, because I think it's the skill new managers struggle with most. Where do people go wrong?",
          },
          {
            start: 46,
            end: 63,
            speaker: "Priya Halvorsen",
            text: "They treat delegation as a binary. Either I do it, or I hand it off completely and walk away. And when the handoff goes badly, they conclude that delegation doesn't work and take everything back. The problem wasn't delegating, it was skipping the middle steps.",
          },
          {
            start: 63,
            end: 78,
            speaker: "Renata Voss",
            text: "What are the middle steps?",
          },
          {
            start: 78,
            end: 101,
            speaker: "Priya Halvorsen",
            text: "I use five levels, and I say the level out loud every time I hand something over. Level one, gather information and bring it to me; level two, recommend an option; level three, decide, but tell me before you act. Level four, decide and act, then tell me afterwards; level five, it's yours, and I don't need to hear about it.",
          },
          {
            start: 102,
            end: 117,
            speaker: "Renata Voss",
            text: "And saying the level out loud is the important part?",
          },
          {
            start: 117,
            end: 136,
            speaker: "Priya Halvorsen",
            text: "It's the whole trick. Most delegation failures are really expectation failures. I thought I'd given someone level two, they thought they had level four, and then I'm annoyed that they shipped something, and they're annoyed that I'm second-guessing them. Naming the number takes five seconds and prevents that entire fight.",
          },
          {
            start: 136,
            end: 151,
            speaker: "Renata Voss",
            text: "How do you move someone up the levels?",
          },
          {
            start: 152,
            end: 172,
            speaker: "Priya Halvorsen",
            text: "Track record on that specific kind of decision, not general seniority. Someone can be level five on vendor contracts under ten thousand dollars and level two on hiring. I review the levels with each direct report every quarter, and my goal is that at least one area moves up a level each time.",
          },
          {
            start: 172,
            end: 191,
            speaker: "Renata Voss",
            text: "Okay, I want to get to feedback, but first, a quick word from our sponsor. This episode is brought to you by Harborlight, the people analytics platform that shows you team health trends without turning your engagement survey into a surveillance project. Learn more at harborlight dot example slash care.",
          },
          {
            start: 371,
            end: 386,
            speaker: "Renata Voss",
            text: "So, feedback. You have a reputation for giving very direct feedback that people somehow don't resent. What's the secret?",
          },
          {
            start: 387,
            end: 413,
            speaker: "Priya Halvorsen",
            text: "There's no secret, but there is a ratio and a time limit. The ratio is roughly four pieces of specific positive feedback for every piece of corrective feedback, and I mean specific, not great job. The time limit is forty-eight hours. If I wait longer than two days, the person can't remember the details, and it starts to feel like I've been keeping a file on them.",
          },
          {
            start: 413,
            end: 428,
            speaker: "Renata Voss",
            text: "Four to one. Doesn't that risk drowning the critical message?",
          },
          {
            start: 428,
            end: 445,
            speaker: "Priya Halvorsen",
            text: "Only if you sandwich them. I never put the positive and the negative in the same conversation. Praise goes out whenever I see something good, usually in a quick message. Corrective feedback gets its own short conversation, so it's clear and it isn't diluted.",
          },
          {
            start: 446,
            end: 461,
            speaker: "Renata Voss",
            text: "What does a corrective conversation sound like for you?",
          },
          {
            start: 461,
            end: 483,
            speaker: "Priya Halvorsen",
            text: "Behavior, impact, question. Something like: in Tuesday's client call, you interrupted the customer twice while she was describing the bug, I think it made her feel rushed, and she escalated afterwards, so what was going on for you in that moment? And then I actually listen, because about a third of the time there's context I didn't have.",
          },
          {
            start: 483,
            end: 498,
            speaker: "Renata Voss",
            text: "Let's talk about something you wrote about recently, which is decision records. Why does a COO care about that?",
          },
          {
            start: 499,
            end: 524,
            speaker: "Priya Halvorsen",
            text: "Because the most expensive thing in a growing company is relitigating decisions. Someone joins, sees a weird policy, asks why, nobody remembers, and you spend two meetings re-deciding something that was settled a year ago. So every decision that affects more than one team gets a half-page write-up: the context, the options we considered, what we chose, and what would make us revisit it.",
          },
          {
            start: 524,
            end: 539,
            speaker: "Renata Voss",
            text: "That last part, what would make us revisit it, is interesting.",
          },
          {
            start: 539,
            end: 560,
            speaker: "Priya Halvorsen",
            text: "It's the most useful line in the document. It turns, I don't like this decision, into a concrete test. If the revisit trigger hasn't happened, we don't reopen it. If it has, we reopen it without anyone feeling defensive, and we've cut recurring debates in our leadership meeting roughly in half since we started.",
          },
          {
            start: 561,
            end: 576,
            speaker: "Renata Voss",
            text: "Where do those records live? Because a decision log nobody can find is just a diary.",
          },
          {
            start: 576,
            end: 593,
            speaker: "Priya Halvorsen",
            text: "One folder, numbered, never deleted. If we reverse a decision, we write a new record that points to the old one. New managers read the last twenty as part of onboarding, and honestly it's the fastest way to understand how the company thinks.",
          },
          {
            start: 593,
            end: 608,
            speaker: "Renata Voss",
            text: "Last topic. Saying no. How do you help managers on your team protect their people from too much work?",
          },
          {
            start: 609,
            end: 632,
            speaker: "Priya Halvorsen",
            text: "I ask every manager to keep a visible list of what their team is not doing this quarter. It sounds negative, but it's the most freeing document we have. When a new request comes in, the conversation becomes, which of these do you want to move up, and what drops? Instead of just, can you also squeeze this in?",
          },
          {
            start: 632,
            end: 647,
            speaker: "Renata Voss",
            text: "A not-doing list. I'm stealing that.",
          },
          {
            start: 647,
            end: 663,
            speaker: "Priya Halvorsen",
            text: "Please do. The other half is that the manager has to say no in person, not let the team absorb it silently. If your people are quietly working weekends to avoid disappointing another department, that's a leadership failure, not a dedication win.",
          },
          {
            start: 664,
            end: 679,
            speaker: "Renata Voss",
            text: "Priya Halvorsen, thank you so much. Where can people find you?",
          },
          {
            start: 679,
            end: 694,
            speaker: "Priya Halvorsen",
            text: "I write an occasional newsletter called Operating Notes, and I'm always happy to hear from managers who are trying any of this.",
          },
          {
            start: 694,
            end: 709,
            speaker: "Renata Voss",
            text: "Wonderful. Thanks for listening to Span of Care. Go delegate something at level three this week and see what happens.",
          },
        ],
        insights: [
          {
            headline: "Say the delegation level out loud every time you hand work off",
            body: "Priya Halvorsen uses five levels, from 'gather information' to 'it's yours, no need to report back'. She argues most delegation failures are mismatched expectations rather than bad judgment, and naming the level takes seconds while preventing the fight where the manager feels bypassed and the report feels second-guessed.",
            quote:
              "Most delegation failures are really expectation failures. I thought I'd given someone level two, they thought they had level four, and then I'm annoyed that they shipped something, and they're annoyed that I'm second-guessing them.",
            topics: ["leadership", "management"],
          },
          {
            headline: "Grant autonomy per decision type based on track record, not seniority",
            body: "The same person can have full authority on small vendor contracts and very little on hiring. Halvorsen reviews each direct report's levels quarterly and aims to move at least one area up a level every time, which makes growing autonomy deliberate rather than accidental.",
            quote:
              "Someone can be level five on vendor contracts under ten thousand dollars and level two on hiring.",
            topics: ["leadership", "management"],
          },
          {
            headline: "Give corrective feedback within 48 hours or it starts to feel like a file",
            body: "Halvorsen pairs a 48-hour limit for corrective feedback with a rough four-to-one ratio of specific praise, delivered in separate conversations rather than a sandwich. Delayed feedback loses the details that make it actionable and makes the recipient feel they have been quietly monitored.",
            quote:
              "If I wait longer than two days, the person can't remember the details, and it starts to feel like I've been keeping a file on them.",
            topics: ["management", "psychology"],
          },
          {
            headline: "Structure hard feedback as behavior, impact, then a genuine question",
            body: "Halvorsen names the specific behavior, describes its effect, and then asks what was going on before drawing conclusions. The question is not a formality: she finds that roughly a third of the time the other person has context that changes the picture.",
            quote:
              "And then I actually listen, because about a third of the time there's context I didn't have.",
            topics: ["management", "psychology"],
          },
          {
            headline:
              "Write down cross-team decisions with an explicit trigger for revisiting them",
            body: "Relitigating settled decisions is one of the biggest hidden costs of a growing company. Halvorsen's half-page records capture context, options, the choice and what would make the team revisit it, which turns vague disagreement into a concrete test and roughly halved recurring debates in her leadership meeting.",
            quote:
              "It turns, I don't like this decision, into a concrete test. If the revisit trigger hasn't happened, we don't reopen it.",
            topics: ["leadership", "writing", "management"],
          },
          {
            headline: "Keep a visible list of what your team is not doing this quarter",
            body: "A public not-doing list changes new requests from 'can you squeeze this in?' into an explicit trade-off about what moves up and what drops. Halvorsen pairs it with a rule that managers say no in person, since teams silently absorbing extra work is a leadership failure rather than dedication.",
            quote:
              "I ask every manager to keep a visible list of what their team is not doing this quarter.",
            topics: ["leadership", "productivity"],
          },
        ],
      },
    ],
  },
  {
    slug: "zero-to-shipped",
    title: "Zero to Shipped",
    author: "Marcus Adeyemi",
    description:
      "Founders and product leaders on the messy middle between idea and traction. Host Marcus Adeyemi, a two-time founder and former product lead, asks for the specific decisions, numbers and mistakes behind early-stage companies.",
    siteUrl: "https://example.com/zero-to-shipped",
    feedUrl: "https://example.com/zero-to-shipped/feed.xml",
    language: "en",
    episodes: [
      {
        guid: "zero-to-shipped-ep-1",
        title: "Your First Ten Customers Are a Research Project, with Lena Fairbrook",
        publishedDaysAgo: 5,
        durationSeconds: 780,
        description:
          "Lena Fairbrook, cofounder and CEO of Tallyloop, on working a bike shop counter to find her real product, why her first price was four times too low, and how hand-holding the first fifty customers shaped a self-serve onboarding flow.",
        segments: [
          {
            start: 0,
            end: 20,
            speaker: "Marcus Adeyemi",
            text: "This is Zero to Shipped, I'm Marcus Adeyemi. My guest is Lena Fairbrook, cofounder and CEO of Tallyloop, which makes inventory and repair-queue software for independent bike shops. They're at about nine hundred paying shops now, but today I want to go all the way back to the first ten. Lena, welcome.",
          },
          {
            start: 20,
            end: 35,
            speaker: "Lena Fairbrook",
            text: "Thanks, Marcus. The first ten is my favorite thing to talk about, mostly because we did it so inefficiently.",
          },
          {
            start: 35,
            end: 50,
            speaker: "Marcus Adeyemi",
            text: "Set the scene. You had an idea and no customers. What did you actually do in week one?",
          },
          {
            start: 51,
            end: 69,
            speaker: "Lena Fairbrook",
            text: "I spent three Saturdays working the counter at a bike shop in my neighborhood, unpaid. I told the owner I was building software and wanted to understand his day. I learned more in those three Saturdays than in the two months of interviews I'd done before.",
          },
          {
            start: 69,
            end: 84,
            speaker: "Marcus Adeyemi",
            text: "Why was that so different from interviews?",
          },
          {
            start: 84,
            end: 107,
            speaker: "Lena Fairbrook",
            text: "Because in interviews, people tell you about the problems they think are interesting. At the counter, you see the problems that actually eat their time. Every owner I interviewed talked about inventory, but at the counter, the thing that caused chaos was the repair queue, customers calling to ask if their bike was ready, around fifteen times a day.",
          },
          {
            start: 108,
            end: 123,
            speaker: "Marcus Adeyemi",
            text: "So the product you built wasn't the product you'd planned.",
          },
          {
            start: 123,
            end: 139,
            speaker: "Lena Fairbrook",
            text: "Not even close. We built a text message that goes out automatically when a repair is marked done, and that was the whole first version, no inventory, no dashboard. And it was the thing shop owners would pay for on the spot.",
          },
          {
            start: 139,
            end: 154,
            speaker: "Marcus Adeyemi",
            text: "How did you price that first version?",
          },
          {
            start: 155,
            end: 179,
            speaker: "Lena Fairbrook",
            text: "Too low, which I think is the classic mistake. We charged nineteen dollars a month because I was embarrassed the product was so small. Then one owner told me the phone calls were costing him about an hour a day of a mechanic's time. At his labor rate, we were saving him something like six hundred dollars a month, and charging nineteen.",
          },
          {
            start: 179,
            end: 194,
            speaker: "Marcus Adeyemi",
            text: "Ouch. What did you do?",
          },
          {
            start: 194,
            end: 212,
            speaker: "Lena Fairbrook",
            text: "We raised the price to seventy-nine for new customers and told existing ones they were locked in at nineteen forever. Conversion barely moved. I've since learned that if nobody complains about your price, you're almost certainly too cheap. You want maybe one in five prospects to wince.",
          },
          {
            start: 213,
            end: 228,
            speaker: "Marcus Adeyemi",
            text: "One in five wincing. I like that as a rule of thumb. Let's take a quick break, and then I want to talk about how you found shops eleven through a hundred.",
          },
          {
            start: 228,
            end: 245,
            speaker: "Marcus Adeyemi",
            text: "Zero to Shipped is supported by Ledgerbird, the bookkeeping service built for seed-stage startups. They close your books by the fifth of every month so your investor update isn't guesswork. Founders who mention this show get their first month free at ledgerbird dot example.",
          },
          {
            start: 445,
            end: 460,
            speaker: "Marcus Adeyemi",
            text: "Okay, we're back. So after the first ten, how did you find the next batch?",
          },
          {
            start: 461,
            end: 481,
            speaker: "Lena Fairbrook",
            text: "Honestly, the first ten found them for us, because bike shop owners talk to each other constantly, at distributor events, in forums, in group chats. We asked every happy customer for two introductions, specifically two, named people. Asking for two gets a real answer. Asking, do you know anyone, gets a polite maybe.",
          },
          {
            start: 481,
            end: 496,
            speaker: "Marcus Adeyemi",
            text: "Did you do anything that didn't scale?",
          },
          {
            start: 496,
            end: 517,
            speaker: "Lena Fairbrook",
            text: "Everything. For the first fifty shops, I did onboarding personally over video, and I entered their first week of repair tickets myself while they watched. It took about ninety minutes per shop. But it meant every shop saw the product working with their own data before we ever asked them to change a habit.",
          },
          {
            start: 518,
            end: 533,
            speaker: "Marcus Adeyemi",
            text: "And churn on those hand-onboarded shops?",
          },
          {
            start: 533,
            end: 551,
            speaker: "Lena Fairbrook",
            text: "Dramatically lower. Shops I onboarded by hand churned at about two percent a month. When we switched to self-serve signup, early churn jumped to around seven percent, and it took us most of a year to build an onboarding flow that got us back under three.",
          },
          {
            start: 551,
            end: 566,
            speaker: "Marcus Adeyemi",
            text: "That's a big gap. What did the self-serve flow eventually copy from your manual process?",
          },
          {
            start: 567,
            end: 588,
            speaker: "Lena Fairbrook",
            text: "The key moment was the first real customer text. In the manual version, I made sure a shop sent one during the call. So in the product, we stopped treating signup as the finish line and made the first sent message the activation event. Every step of onboarding now pushes toward that one thing.",
          },
          {
            start: 588,
            end: 603,
            speaker: "Marcus Adeyemi",
            text: "I want to ask about something founders get wrong a lot, which is listening to feature requests. How did you handle those?",
          },
          {
            start: 603,
            end: 623,
            speaker: "Lena Fairbrook",
            text: "We logged every request, but we never logged the feature. We logged the situation. Not, add a parts inventory, but, owner had a customer waiting while he searched for a tube in the back room. When you log situations, you start to see that six different feature requests are actually the same problem.",
          },
          {
            start: 624,
            end: 639,
            speaker: "Marcus Adeyemi",
            text: "Give me an example of that.",
          },
          {
            start: 639,
            end: 658,
            speaker: "Lena Fairbrook",
            text: "We had requests for barcode scanning, for low-stock alerts, and for a supplier integration. All three turned out to be about the same Monday-morning panic of not knowing what to reorder. We built one weekly reorder list instead of three features, and it's still our second most used screen.",
          },
          {
            start: 658,
            end: 673,
            speaker: "Marcus Adeyemi",
            text: "Lena, last question. If a founder is sitting on an idea right now with zero customers, what should they do this week?",
          },
          {
            start: 674,
            end: 689,
            speaker: "Lena Fairbrook",
            text: "Go stand where your customer works. Not a coffee chat, not a survey. Spend a day in their actual environment, and write down every interruption you see. Your product is probably hiding in that list.",
          },
          {
            start: 689,
            end: 704,
            speaker: "Marcus Adeyemi",
            text: "Lena Fairbrook of Tallyloop, thank you. And thanks for listening to Zero to Shipped. If you're building something, you know, reply to our newsletter and tell us about it.",
          },
        ],
        insights: [
          {
            headline: "Work a shift in your customer's job: observation beats interviews",
            body: "Lena Fairbrook learned more from three unpaid Saturdays behind a bike shop counter than from two months of interviews. Interviewees described inventory as their problem, but watching the shop revealed the real time sink: customers calling about fifteen times a day to ask whether their repair was done.",
            quote:
              "Because in interviews, people tell you about the problems they think are interesting. At the counter, you see the problems that actually eat their time.",
            topics: ["startups", "product"],
          },
          {
            headline:
              "Price on the value you save, and expect about one in five prospects to wince",
            body: "Tallyloop first charged 19 dollars a month for a feature saving one shop roughly 600 dollars a month in mechanic time. Raising the price to 79 for new customers barely dented conversion, which led Fairbrook to a rule of thumb: if nobody complains about your price, it is almost certainly too low.",
            quote:
              "I've since learned that if nobody complains about your price, you're almost certainly too cheap. You want maybe one in five prospects to wince.",
            topics: ["startups", "sales", "product"],
          },
          {
            headline: "Ask happy customers for exactly two named introductions, not 'anyone'",
            body: "A vague request for referrals invites a polite non-answer. Asking each satisfied customer for two specific people gave Tallyloop concrete leads and turned a tight-knit industry's word of mouth into its main acquisition channel after the first ten shops.",
            quote:
              "Asking for two gets a real answer. Asking, do you know anyone, gets a polite maybe.",
            topics: ["sales", "startups", "marketing"],
          },
          {
            headline:
              "Hand-onboard early users, then build self-serve around the activation moment",
            body: "Shops onboarded personally churned at about 2 percent a month versus roughly 7 percent after the switch to self-serve. Tallyloop recovered by identifying the moment that mattered in manual onboarding, the first real customer text, and redesigning signup so every step leads to it.",
            quote:
              "So in the product, we stopped treating signup as the finish line and made the first sent message the activation event.",
            topics: ["product", "startups"],
          },
          {
            headline: "Log customer situations, not feature requests, to find the shared problem",
            body: "Recording the situation behind a request, rather than the requested feature, exposes when several asks share one root cause. At Tallyloop, requests for barcode scanning, low-stock alerts and a supplier integration all traced back to Monday-morning reorder panic, solved by a single weekly reorder list.",
            quote:
              "When you log situations, you start to see that six different feature requests are actually the same problem.",
            topics: ["product"],
          },
        ],
      },
      {
        guid: "zero-to-shipped-ep-2",
        title: "The Founder's First Management Job, with Jonah Whitfield",
        publishedDaysAgo: 2,
        durationSeconds: 780,
        description:
          "Jonah Whitfield grew Parcelwise from four people to about sixty and discovered he had become the bottleneck. He explains his decision log, the difference between a founder's decision and a suggestion, and why he would no longer promote his best engineer into management.",
        segments: [
          {
            start: 0,
            end: 19,
            speaker: "Marcus Adeyemi",
            text: "Welcome to Zero to Shipped. I'm Marcus Adeyemi, and today's episode is about the job nobody warns founders about, which is becoming a manager. My guest is Jonah Whitfield, founder of Parcelwise, a shipping-rates API that went from four people to about sixty in under three years. Jonah, welcome.",
          },
          {
            start: 19,
            end: 34,
            speaker: "Jonah Whitfield",
            text: "Thanks, Marcus. And yeah, nobody warned me. I thought I was starting a software company. It turns out I was starting a company that happened to write software, and the company part was the hard bit.",
          },
          {
            start: 34,
            end: 49,
            speaker: "Marcus Adeyemi",
            text: "When did you first notice you were the bottleneck?",
          },
          {
            start: 50,
            end: 67,
            speaker: "Jonah Whitfield",
            text: "When I counted the threads waiting on me. One Friday I went through and there were twenty-three threads where someone had tagged me for a decision. Some were four days old. We were around eighteen people, and I was personally slowing down almost every project.",
          },
          {
            start: 67,
            end: 82,
            speaker: "Marcus Adeyemi",
            text: "What did you do about it?",
          },
          {
            start: 82,
            end: 104,
            speaker: "Jonah Whitfield",
            text: "The first thing was a decision log. Every decision I made went into a shared doc with three lines: what we decided, why, and who owns it now. It sounds bureaucratic, but it meant people could see how I was reasoning, and after a couple of months they started making the same calls without asking me.",
          },
          {
            start: 105,
            end: 120,
            speaker: "Marcus Adeyemi",
            text: "So the log was really a teaching tool.",
          },
          {
            start: 120,
            end: 144,
            speaker: "Jonah Whitfield",
            text: "Exactly. Writing a decision down forces you to state the reason, and the reason is the part people can reuse. If I just say, let's go with vendor A, nobody learns anything. If I write that we chose vendor A because latency matters more than price for our top ten customers, the next person can apply that to a totally different choice.",
          },
          {
            start: 144,
            end: 159,
            speaker: "Marcus Adeyemi",
            text: "What about the founder habit of jumping into everything? I know I had that.",
          },
          {
            start: 160,
            end: 187,
            speaker: "Jonah Whitfield",
            text: "Oh, I was terrible. My rule now is that I'm allowed to have an opinion on anything, but I have to say up front whether it's a decision or a suggestion. If I say, here's a suggestion, the team is genuinely free to ignore it. That one distinction cut a lot of the rework I caused, because people stopped treating every passing comment from the founder as an order.",
          },
          {
            start: 187,
            end: 202,
            speaker: "Marcus Adeyemi",
            text: "That's a subtle one. Founders don't realize their offhand comments carry weight.",
          },
          {
            start: 202,
            end: 222,
            speaker: "Jonah Whitfield",
            text: "They carry enormous weight. I once mentioned in a hallway that our dashboard's shade of blue felt a bit dull, and two weeks later I found out a designer had spent three days on a full color refresh. I hadn't asked for that. But I hadn't said I wasn't asking, either.",
          },
          {
            start: 223,
            end: 240,
            speaker: "Marcus Adeyemi",
            text: "Let's take a short break. This episode is brought to you by Stackwell, the HR platform that handles payroll, benefits and equity paperwork for teams under a hundred, so you can hire in twelve states without twelve spreadsheets. Try it at stackwell dot example.",
          },
          {
            start: 450,
            end: 465,
            speaker: "Marcus Adeyemi",
            text: "Okay, your first manager hire. Did you promote from within or hire from outside?",
          },
          {
            start: 465,
            end: 486,
            speaker: "Jonah Whitfield",
            text: "I promoted our strongest engineer, which is the classic mistake, and I'd do it differently now. She was brilliant, but she didn't want to manage. She wanted to be trusted with harder problems. Six months later she was unhappy and her team was drifting, and we had to unwind it, which was painful for everyone.",
          },
          {
            start: 487,
            end: 502,
            speaker: "Marcus Adeyemi",
            text: "How would you decide differently now?",
          },
          {
            start: 502,
            end: 519,
            speaker: "Jonah Whitfield",
            text: "I'd look for the person other people already go to when they're stuck. Not the best individual performer, the best unblocker. At Parcelwise that turned out to be a mid-level engineer who was always pairing with new hires. She's now our VP of engineering.",
          },
          {
            start: 519,
            end: 534,
            speaker: "Marcus Adeyemi",
            text: "And for the engineer who didn't want to manage?",
          },
          {
            start: 535,
            end: 550,
            speaker: "Jonah Whitfield",
            text: "We created a staff engineer track with the same pay bands as management. If the only way to get a raise is to manage people, you'll get a lot of reluctant managers, and reluctant managers make teams miserable.",
          },
          {
            start: 550,
            end: 565,
            speaker: "Marcus Adeyemi",
            text: "Let's talk communication as you scaled. What held up?",
          },
          {
            start: 565,
            end: 586,
            speaker: "Jonah Whitfield",
            text: "A written weekly update, every Friday, from me to the whole company. Three sections: what went well, what worried me, and what I'm focused on next week. The worried section is the one that mattered. When I started writing honestly about what worried me, people started bringing me problems earlier instead of hiding them.",
          },
          {
            start: 587,
            end: 602,
            speaker: "Marcus Adeyemi",
            text: "Did you ever regret being that transparent?",
          },
          {
            start: 602,
            end: 625,
            speaker: "Jonah Whitfield",
            text: "Once or twice I wrote something that caused more anxiety than it needed to, like mentioning a big customer might churn before I knew the details. So I added a rule: if I'm worried about something, I also say what we're doing about it and when I'll update them. Worry plus a plan reads very differently from worry on its own.",
          },
          {
            start: 625,
            end: 640,
            speaker: "Marcus Adeyemi",
            text: "How about one-on-ones? Did you keep them with everyone as you grew?",
          },
          {
            start: 641,
            end: 660,
            speaker: "Jonah Whitfield",
            text: "Until about twenty-five people, yes, every two weeks. After that it was impossible, so I moved to direct reports weekly and a monthly open office hour for anyone. Honestly, the office hours were more useful than I expected. People came with things they'd never have put on a calendar invite.",
          },
          {
            start: 660,
            end: 675,
            speaker: "Marcus Adeyemi",
            text: "Jonah, what would you tell a founder at ten people who's about to go through this?",
          },
          {
            start: 675,
            end: 690,
            speaker: "Jonah Whitfield",
            text: "Start the decision log now, while it's easy. At ten people it takes two minutes a day. At fifty people, when you're drowning, you won't have the energy to start it, and that's exactly when you'll need it most.",
          },
          {
            start: 691,
            end: 706,
            speaker: "Marcus Adeyemi",
            text: "Jonah Whitfield of Parcelwise. Thanks so much for coming on.",
          },
          {
            start: 706,
            end: 721,
            speaker: "Jonah Whitfield",
            text: "Thanks, Marcus, this was fun.",
          },
        ],
        insights: [
          {
            headline: "Count the threads waiting on you to measure how much you're the bottleneck",
            body: "Jonah Whitfield realized he was slowing nearly every project when he found 23 threads awaiting his decision, some four days old, at an 18-person company. Making the backlog visible turned a vague feeling of overload into a concrete problem he could start fixing.",
            quote:
              "One Friday I went through and there were twenty-three threads where someone had tagged me for a decision.",
            topics: ["startups", "productivity"],
          },
          {
            headline: "Log each decision with its reason so the team can make the next call alone",
            body: "Whitfield's decision log records what was decided, why, and who owns it now. The reasoning is the reusable part: once people could see why a vendor was chosen, they applied the same principle to unrelated choices and stopped routing decisions through the founder.",
            quote:
              "Writing a decision down forces you to state the reason, and the reason is the part people can reuse.",
            topics: ["leadership", "startups", "writing"],
          },
          {
            headline: "Label every founder opinion as a decision or a suggestion",
            body: "Teams treat a founder's offhand comments as orders, which creates unrequested work such as a three-day color refresh triggered by a hallway remark. Whitfield now states up front whether he is deciding or suggesting, and suggestions are genuinely optional, which cut the rework he caused.",
            quote:
              "My rule now is that I'm allowed to have an opinion on anything, but I have to say up front whether it's a decision or a suggestion.",
            topics: ["leadership", "startups"],
          },
          {
            headline: "Promote the team's best unblocker to manager, not its best performer",
            body: "Whitfield's first manager was his strongest engineer, who did not want the job, and the arrangement had to be unwound after six months. He now looks for the person colleagues already seek out when stuck, an approach that found the engineer who later became his VP of engineering.",
            quote:
              "I'd look for the person other people already go to when they're stuck. Not the best individual performer, the best unblocker.",
            topics: ["hiring", "leadership", "management"],
          },
          {
            headline: "Give senior ICs pay bands equal to managers to avoid reluctant managers",
            body: "When management is the only route to a raise, companies fill manager roles with people who would rather be solving hard technical problems. Parcelwise added a staff engineer track at the same pay bands, letting strong engineers advance without taking on a job they did not want.",
            quote:
              "If the only way to get a raise is to manage people, you'll get a lot of reluctant managers, and reluctant managers make teams miserable.",
            topics: ["careers", "management"],
          },
          {
            headline: "In company updates, pair every stated worry with a plan and an update date",
            body: "Whitfield's Friday update includes a section on what worries him, which encouraged people to raise problems earlier. To keep candor from spreading anxiety, every worry now comes with what is being done about it and when he will report back.",
            quote: "Worry plus a plan reads very differently from worry on its own.",
            topics: ["leadership", "writing"],
          },
        ],
      },
    ],
  },
  {
    slug: "diff-and-reason",
    title: "Diff & Reason",
    author: "Aiko Brandt",
    description:
      "Practical conversations about building software in the age of AI. Host Aiko Brandt, a staff engineer, talks with practitioners about evaluation, code review, architecture and the unglamorous work that keeps systems shippable.",
    siteUrl: "https://example.com/diff-and-reason",
    feedUrl: "https://example.com/diff-and-reason/feed.xml",
    language: "en",
    episodes: [
      {
        guid: "diff-and-reason-ep-1",
        title: "Evals Before Vibes: Shipping LLM Features Responsibly, with Samir Castellanos",
        publishedDaysAgo: 4,
        durationSeconds: 840,
        description:
          "Samir Castellanos leads the applied AI team at Clausewise, a contract-review product for in-house legal teams. He walks through building a small labeled eval set before writing prompts, calibrating model graders against humans, and catching regressions in CI.",
        segments: [
          {
            start: 0,
            end: 20,
            speaker: "Aiko Brandt",
            text: "Hi, and welcome to Diff and Reason, I'm Aiko Brandt. My guest today is Samir Castellanos, who leads the applied AI team at Clausewise, a contract-review product used by in-house legal teams. We're going to talk about how you actually know whether an LLM feature is good enough to ship. Samir, welcome.",
          },
          {
            start: 20,
            end: 35,
            speaker: "Samir Castellanos",
            text: "Thanks, Aiko. Glad to be here, and glad we're starting with evaluation, because it's the part everybody skips.",
          },
          {
            start: 35,
            end: 50,
            speaker: "Aiko Brandt",
            text: "Why do they skip it?",
          },
          {
            start: 51,
            end: 69,
            speaker: "Samir Castellanos",
            text: "Because the demo is so convincing. You try five prompts, the output looks great, and it feels done. But five examples tell you almost nothing about the long tail. Our first clause-extraction prototype looked perfect in demos and was wrong on about eighteen percent of real contracts.",
          },
          {
            start: 69,
            end: 84,
            speaker: "Aiko Brandt",
            text: "So where do you start instead?",
          },
          {
            start: 84,
            end: 102,
            speaker: "Samir Castellanos",
            text: "Before we write a single prompt, we build an evaluation set. For a new feature, that's usually around two hundred real examples, pulled from actual usage, with the correct answer labeled by someone who knows the domain. For us that means a lawyer, not an engineer guessing.",
          },
          {
            start: 103,
            end: 118,
            speaker: "Aiko Brandt",
            text: "Two hundred feels small to people coming from traditional machine learning.",
          },
          {
            start: 118,
            end: 136,
            speaker: "Samir Castellanos",
            text: "It's a starting point, not a benchmark. Two hundred well-chosen examples will catch most of your big regressions, and you can label them in about two days. The mistake is waiting until you have ten thousand examples, because by then you've already shipped without any measurement at all.",
          },
          {
            start: 136,
            end: 151,
            speaker: "Aiko Brandt",
            text: "How do you choose which examples go in?",
          },
          {
            start: 152,
            end: 172,
            speaker: "Samir Castellanos",
            text: "We deliberately overweight the hard cases. Maybe a third of the set is stuff we know is tricky: scanned PDFs, contracts with amendments, clauses that span two pages. If your eval set mirrors the average input, you'll get a flattering number that hides exactly the failures your users will complain about.",
          },
          {
            start: 172,
            end: 187,
            speaker: "Aiko Brandt",
            text: "Let's talk about grading. How do you score open-ended outputs?",
          },
          {
            start: 187,
            end: 206,
            speaker: "Samir Castellanos",
            text: "Wherever we can, we turn the output into something checkable. Instead of asking the model to summarize a termination clause, we ask it to return the notice period in days and the party who can terminate. Then grading is just comparing fields. Structured outputs make evaluation about ten times cheaper.",
          },
          {
            start: 207,
            end: 222,
            speaker: "Aiko Brandt",
            text: "And when you genuinely can't structure it?",
          },
          {
            start: 222,
            end: 247,
            speaker: "Samir Castellanos",
            text: "Then we use a model as a grader, but we calibrate it against humans first. We have two lawyers grade fifty outputs, then the model grader grades the same fifty, and we only trust the grader if it agrees with the humans at least as often as the humans agree with each other. If the humans only agree eighty percent of the time, that's your ceiling.",
          },
          {
            start: 247,
            end: 262,
            speaker: "Aiko Brandt",
            text: "That's a really useful calibration rule. Quick pause for a sponsor, and then I want to ask about regressions.",
          },
          {
            start: 263,
            end: 283,
            speaker: "Aiko Brandt",
            text: "Diff and Reason is brought to you by Tracehollow, the observability platform that lets you follow a single request from the browser through every service and model call. If you've ever grepped five log streams at two in the morning, um, you know the pain. Try it free at tracehollow dot example.",
          },
          {
            start: 523,
            end: 538,
            speaker: "Aiko Brandt",
            text: "So, regressions. Model providers update models, you tweak a prompt, something gets worse. How do you catch it?",
          },
          {
            start: 538,
            end: 560,
            speaker: "Samir Castellanos",
            text: "Every prompt change runs the full eval set in CI, just like unit tests. If accuracy on any labeled category drops more than two points, the pull request gets blocked until someone looks at it. It added maybe six minutes to our pipeline and it's caught at least a dozen regressions that looked harmless in code review.",
          },
          {
            start: 561,
            end: 576,
            speaker: "Aiko Brandt",
            text: "Per category, not just the overall number?",
          },
          {
            start: 576,
            end: 592,
            speaker: "Samir Castellanos",
            text: "That's critical. An overall score can go up while one category falls off a cliff. We had a prompt change that improved the total by three points but broke date extraction for contracts written in British English. The average hid it completely.",
          },
          {
            start: 592,
            end: 607,
            speaker: "Aiko Brandt",
            text: "What about production? Evals are offline. How do you know it's working with real users?",
          },
          {
            start: 608,
            end: 628,
            speaker: "Samir Castellanos",
            text: "We sample real outputs every week, around a hundred of them, and a lawyer reviews them blind. Any failure we find gets added to the eval set. So the eval set grows from production, which means over time it looks more and more like the real distribution of our hardest cases.",
          },
          {
            start: 628,
            end: 643,
            speaker: "Aiko Brandt",
            text: "Let's talk about the human in the loop. Your users are lawyers. How much do you let the model decide?",
          },
          {
            start: 643,
            end: 664,
            speaker: "Samir Castellanos",
            text: "We show confidence honestly and we make correction cheap. Every extracted field links to the exact sentence in the contract it came from, so a lawyer can verify it in two seconds. Counter-intuitively, showing the source increased trust more than improving accuracy by a few points did, because people could check instead of just hoping.",
          },
          {
            start: 665,
            end: 680,
            speaker: "Aiko Brandt",
            text: "That's a great point. Citation as a trust feature.",
          },
          {
            start: 680,
            end: 695,
            speaker: "Samir Castellanos",
            text: "Right. And it's a forcing function for us too. If the model can't point to a sentence, we treat the answer as unsupported and don't show it. That single rule removed most of our hallucination complaints.",
          },
          {
            start: 695,
            end: 710,
            speaker: "Aiko Brandt",
            text: "Samir, for an engineer who's been asked to add an AI feature next sprint, what's the one thing they should do first?",
          },
          {
            start: 711,
            end: 726,
            speaker: "Samir Castellanos",
            text: "Collect fifty real inputs and write down the right answer for each one before you touch a prompt. It'll take an afternoon, and it'll change every conversation you have about whether the feature works.",
          },
          {
            start: 726,
            end: 741,
            speaker: "Aiko Brandt",
            text: "Samir Castellanos, thank you. And thanks for listening to Diff and Reason.",
          },
        ],
        insights: [
          {
            headline: "Build a small labeled eval set before writing a single prompt",
            body: "Samir Castellanos starts every LLM feature with about 200 real examples labeled by a domain expert, which takes roughly two days. A convincing demo on five prompts hid an 18 percent error rate on real contracts, and waiting for a large dataset usually means shipping with no measurement at all.",
            quote: "Before we write a single prompt, we build an evaluation set.",
            topics: ["ai", "engineering", "data"],
          },
          {
            headline:
              "Overweight hard cases in eval sets; average inputs produce flattering scores",
            body: "Clausewise fills about a third of its eval set with known-difficult inputs such as scanned PDFs, amended contracts and clauses split across pages. An eval set that mirrors typical traffic reports a reassuring number while hiding the failures users actually notice.",
            quote:
              "If your eval set mirrors the average input, you'll get a flattering number that hides exactly the failures your users will complain about.",
            topics: ["ai", "data"],
          },
          {
            headline: "Ask for structured fields instead of prose to make evaluation cheaper",
            body: "Rather than grading free-text summaries, Castellanos asks the model for specific fields such as the notice period in days and which party can terminate. Grading then becomes a field comparison, which he estimates makes evaluation about ten times cheaper.",
            quote: "Structured outputs make evaluation about ten times cheaper.",
            topics: ["ai", "engineering"],
          },
          {
            headline: "Trust an LLM grader only if it matches human agreement rates",
            body: "When outputs cannot be structured, Clausewise uses a model as grader but first compares it with two lawyers on the same 50 outputs. Human inter-rater agreement sets the ceiling: a model grader that agrees with humans as often as they agree with each other is good enough to rely on.",
            quote:
              "We have two lawyers grade fifty outputs, then the model grader grades the same fifty, and we only trust the grader if it agrees with the humans at least as often as the humans agree with each other.",
            topics: ["ai", "engineering"],
          },
          {
            headline: "Run evals in CI and block merges on per-category drops, not just averages",
            body: "Every prompt change at Clausewise runs the full eval set, and a drop of more than two points in any category blocks the pull request. Tracking categories matters because an overall gain can mask a collapse in one slice, as when a change that added three points broke date extraction for British English contracts.",
            quote: "An overall score can go up while one category falls off a cliff.",
            topics: ["engineering", "ai"],
          },
          {
            headline:
              "Link every AI answer to its source sentence; it builds more trust than accuracy",
            body: "Each field Clausewise extracts links to the exact sentence it came from, so a lawyer can verify it in seconds. Castellanos found this raised user trust more than a few points of accuracy did, and answers that cannot cite a source are hidden, which removed most hallucination complaints.",
            quote:
              "Counter-intuitively, showing the source increased trust more than improving accuracy by a few points did, because people could check instead of just hoping.",
            topics: ["ai", "product", "design"],
          },
        ],
      },
      {
        guid: "diff-and-reason-ep-2",
        title: "Design Docs and Code Review for Small Teams, with Hedda Lindqvist",
        publishedDaysAgo: 0,
        durationSeconds: 780,
        description:
          "Hedda Lindqvist, principal engineer at payments company Fernway, makes the case for one-page design docs built around non-goals, decision records that live in the repo, and pull requests small enough to actually be read. Also: where AI reviewers help and where they quietly hurt.",
        segments: [
          {
            start: 0,
            end: 18,
            speaker: "Aiko Brandt",
            text: "Welcome to Diff and Reason. I'm Aiko Brandt, and today we're talking about the two rituals that small engineering teams love to argue about: design docs and code review. My guest is Hedda Lindqvist, principal engineer at Fernway, a payments infrastructure company with about forty engineers. Hedda, hi.",
          },
          {
            start: 18,
            end: 33,
            speaker: "Hedda Lindqvist",
            text: "Hi Aiko. Thanks for having me. I've been told I have strong opinions about pull request size, so I'm ready.",
          },
          {
            start: 33,
            end: 48,
            speaker: "Aiko Brandt",
            text: "We'll get there. Let's start with design docs. A lot of small teams think they're too small for them.",
          },
          {
            start: 49,
            end: 69,
            speaker: "Hedda Lindqvist",
            text: "I think that's backwards. Small teams need them more, because they have fewer people to catch a bad idea in a hallway conversation. But the doc has to be small too. Our template is one page, with a hard limit, and the most important section is called, what we're not doing.",
          },
          {
            start: 69,
            end: 84,
            speaker: "Aiko Brandt",
            text: "Why is the non-goals section the most important one?",
          },
          {
            start: 84,
            end: 102,
            speaker: "Hedda Lindqvist",
            text: "Because that's where arguments actually come from. Two engineers can agree on the goal and still spend a week fighting because one of them assumed the project included a migration and the other didn't. Writing down the non-goals surfaces that disagreement on day one, when it's cheap.",
          },
          {
            start: 103,
            end: 118,
            speaker: "Aiko Brandt",
            text: "How long does a typical doc take to get approved?",
          },
          {
            start: 118,
            end: 137,
            speaker: "Hedda Lindqvist",
            text: "We time-box review to three working days. If nobody has objected by then, the author proceeds. Silence counts as consent, and everyone knows it, so people who care actually show up and comment. Before we had that rule, docs could sit for three weeks waiting for one senior person's blessing.",
          },
          {
            start: 137,
            end: 152,
            speaker: "Aiko Brandt",
            text: "And after the project ships, does the doc just rot?",
          },
          {
            start: 153,
            end: 175,
            speaker: "Hedda Lindqvist",
            text: "The design doc can rot, that's fine, it's a snapshot. What we keep alive are architecture decision records. Any decision that would be expensive to reverse gets a short numbered record: the context, the decision, the consequences we expect. They live in the repo next to the code, so they're versioned and reviewed like everything else.",
          },
          {
            start: 175,
            end: 190,
            speaker: "Aiko Brandt",
            text: "What's the payoff of keeping them in the repo specifically?",
          },
          {
            start: 190,
            end: 217,
            speaker: "Hedda Lindqvist",
            text: "Six months later, when a new engineer asks why on earth we use a queue here instead of a direct call, the answer is one search away, and it includes the constraints we had at the time. Half the time the constraint no longer applies, and then the record gives them permission to change it. Without the record, people are either afraid to touch it or they change it blindly.",
          },
          {
            start: 218,
            end: 233,
            speaker: "Aiko Brandt",
            text: "Okay, let's get to your strong opinions. Pull request size.",
          },
          {
            start: 233,
            end: 251,
            speaker: "Hedda Lindqvist",
            text: "Keep them under about four hundred changed lines, and ideally under two hundred. Review quality falls off a cliff after that. When we looked at our own data, pull requests over a thousand lines got approved faster than medium-sized ones, which tells you nobody was really reading them.",
          },
          {
            start: 251,
            end: 266,
            speaker: "Aiko Brandt",
            text: "That's a great, slightly horrifying statistic.",
          },
          {
            start: 267,
            end: 282,
            speaker: "Hedda Lindqvist",
            text: "It's the rubber stamp effect. A big diff is overwhelming, so reviewers skim and approve. A small diff is approachable, so they engage. If you want real review, make the diff small enough that reading it feels easy.",
          },
          {
            start: 282,
            end: 297,
            speaker: "Aiko Brandt",
            text: "Time for a quick sponsor break. This episode is supported by Gridmoss, managed Postgres with branching built in, so every pull request can get its own copy of the database. Spin one up free at gridmoss dot example.",
          },
          {
            start: 477,
            end: 492,
            speaker: "Aiko Brandt",
            text: "We're back. Hedda, what about review latency? I think that's the complaint I hear most.",
          },
          {
            start: 493,
            end: 511,
            speaker: "Hedda Lindqvist",
            text: "We have a team norm that the first response on a pull request comes within four working hours. Not approval, just a first response. The waiting is what kills flow. An engineer who waits a day for review starts another task, and now they're juggling two half-finished things.",
          },
          {
            start: 511,
            end: 526,
            speaker: "Aiko Brandt",
            text: "How do you make that norm actually stick?",
          },
          {
            start: 526,
            end: 546,
            speaker: "Hedda Lindqvist",
            text: "We made review the first thing you do after standup and after lunch, before picking up your own work. And tech leads go first. If the most senior people treat review as a chore that happens when they have time, everyone else will too. Culture follows whatever the leads visibly prioritize.",
          },
          {
            start: 547,
            end: 562,
            speaker: "Aiko Brandt",
            text: "Let's talk about AI in code review. A lot of teams are adding AI reviewers now. Where have you landed?",
          },
          {
            start: 562,
            end: 580,
            speaker: "Hedda Lindqvist",
            text: "We use one, but only as a first pass for mechanical stuff: missing null checks, inconsistent naming, an obvious test gap. It's good at that. What it's bad at is asking whether the change should exist at all, and that's the most valuable question in any review.",
          },
          {
            start: 580,
            end: 595,
            speaker: "Aiko Brandt",
            text: "Did you see any downside?",
          },
          {
            start: 596,
            end: 615,
            speaker: "Hedda Lindqvist",
            text: "One. In the first month, human reviewers started commenting less, because they assumed the bot had covered it. So we made a rule that every human review has to include at least one comment about design or intent, not style. That brought the conversation back to where humans add value.",
          },
          {
            start: 615,
            end: 630,
            speaker: "Aiko Brandt",
            text: "Last question, and it's a leadership one. What makes someone a good tech lead on a small team?",
          },
          {
            start: 630,
            end: 650,
            speaker: "Hedda Lindqvist",
            text: "Making decisions legible. A good tech lead doesn't have to make every call, but they make sure every important call is written down, with the reasoning, somewhere people can find it. The team can disagree with a written decision. They can't even argue with one that only lives in someone's head.",
          },
          {
            start: 651,
            end: 666,
            speaker: "Aiko Brandt",
            text: "Hedda Lindqvist, thank you so much. This was great.",
          },
          {
            start: 666,
            end: 681,
            speaker: "Hedda Lindqvist",
            text: "Thanks, Aiko. Go make your diffs smaller, everyone.",
          },
        ],
        insights: [
          {
            headline: "Make 'what we're not doing' the central section of a one-page design doc",
            body: "Hedda Lindqvist argues small teams need design docs more than large ones, as long as the docs stay to one page. The non-goals section matters most because unspoken assumptions about scope, like whether a migration is included, cause the longest fights, and writing them down exposes the disagreement while it is still cheap.",
            quote:
              "Writing down the non-goals surfaces that disagreement on day one, when it's cheap.",
            topics: ["engineering", "writing"],
          },
          {
            headline: "Time-box design review to three working days and treat silence as consent",
            body: "At Fernway, a design doc proceeds if nobody objects within three working days. The rule ended three-week waits for a single senior sign-off and, because everyone knows silence means yes, it pushes people who care to engage promptly.",
            quote:
              "We time-box review to three working days. If nobody has objected by then, the author proceeds.",
            topics: ["engineering", "productivity"],
          },
          {
            headline: "Keep pull requests under 400 lines; huge diffs get rubber-stamped",
            body: "Fernway's own data showed pull requests over a thousand lines were approved faster than medium-sized ones, a sign they were being skimmed rather than read. Lindqvist recommends staying under about 400 changed lines, ideally under 200, so reviewing feels easy enough to do properly.",
            quote:
              "When we looked at our own data, pull requests over a thousand lines got approved faster than medium-sized ones, which tells you nobody was really reading them.",
            topics: ["engineering"],
          },
          {
            headline:
              "Aim for a first review response within four hours, with tech leads going first",
            body: "Slow reviews push engineers to start a second task and juggle half-finished work. Fernway makes reviewing the first activity after standup and after lunch, and Lindqvist stresses that senior engineers must model it, because teams copy whatever their leads visibly prioritize.",
            quote:
              "If the most senior people treat review as a chore that happens when they have time, everyone else will too.",
            topics: ["engineering", "leadership"],
          },
          {
            headline:
              "Use AI reviewers for mechanical checks, and require humans to comment on design",
            body: "An AI reviewer is useful for catching null checks, naming inconsistencies and test gaps, but not for asking whether a change should exist. After human reviewers started deferring to the bot, Fernway required at least one design or intent comment in every human review.",
            quote:
              "So we made a rule that every human review has to include at least one comment about design or intent, not style.",
            topics: ["ai", "engineering"],
          },
          {
            headline: "Good tech leads write important decisions down with their reasoning",
            body: "Lindqvist defines a good tech lead by legibility rather than by making every call: key decisions are recorded, with reasons, where the team can find them. A written decision can be challenged and improved, while one that lives only in someone's head cannot even be debated.",
            quote:
              "The team can disagree with a written decision. They can't even argue with one that only lives in someone's head.",
            topics: ["leadership", "engineering", "writing"],
          },
        ],
      },
    ],
  },
  {
    slug: "compound-hours",
    title: "Compound Hours",
    author: "Theo Marchetti",
    description:
      "Small, evidence-based changes to how you work, rest, earn and grow your career. Host Theo Marchetti interviews researchers and practitioners and keeps asking one question: what would you actually do on Monday?",
    siteUrl: "https://example.com/compound-hours",
    feedUrl: "https://example.com/compound-hours/feed.xml",
    language: "en",
    episodes: [
      {
        guid: "compound-hours-ep-1",
        title: "The Science of the Afternoon Slump, with Dr. Nadia Oyelaran",
        publishedDaysAgo: 3,
        durationSeconds: 780,
        description:
          "Sleep and circadian researcher Dr. Nadia Oyelaran explains what actually causes the mid-afternoon dip, why a late coffee can cost you deep sleep you never notice losing, and the cheap fixes that work: daylight, short naps and a regular wake time.",
        segments: [
          {
            start: 0,
            end: 19,
            speaker: "Theo Marchetti",
            text: "Hello and welcome to Compound Hours, I'm Theo Marchetti. If you've ever stared at your screen at three in the afternoon wondering where your brain went, this one's for you. My guest is sleep and circadian researcher Nadia Oyelaran, whose lab studies shift workers and office workers. Nadia, welcome.",
          },
          {
            start: 19,
            end: 34,
            speaker: "Nadia Oyelaran",
            text: "Thanks, Theo. And I'll say right away, the three p.m. slump is real, and it's not a character flaw.",
          },
          {
            start: 34,
            end: 49,
            speaker: "Theo Marchetti",
            text: "Okay, so what is it, physiologically?",
          },
          {
            start: 50,
            end: 73,
            speaker: "Nadia Oyelaran",
            text: "Your alertness is driven by two processes. One is sleep pressure, which builds the longer you've been awake. The other is your circadian rhythm, which pushes alertness up and down over the day. In the early afternoon, for most people, there's a small dip in the circadian signal while sleep pressure is already fairly high, and that combination is the slump.",
          },
          {
            start: 73,
            end: 88,
            speaker: "Theo Marchetti",
            text: "So it's not the sandwich.",
          },
          {
            start: 88,
            end: 104,
            speaker: "Nadia Oyelaran",
            text: "Mostly not the sandwich. A very large, high-carbohydrate lunch can deepen it, but people in lab studies who eat nothing still show the dip. That matters, because people skip lunch to avoid the slump and then they're just hungry and tired.",
          },
          {
            start: 105,
            end: 120,
            speaker: "Theo Marchetti",
            text: "Let's talk caffeine, because I suspect most listeners are self-medicating the slump with coffee.",
          },
          {
            start: 120,
            end: 143,
            speaker: "Nadia Oyelaran",
            text: "Caffeine works by blocking adenosine, which is one of the chemical signals of sleep pressure. The catch is that its half-life is around five to six hours in a typical adult. So if you have a coffee at three p.m., roughly half of it can still be active around nine, and a meaningful amount is still there at bedtime.",
          },
          {
            start: 143,
            end: 158,
            speaker: "Theo Marchetti",
            text: "What's your practical cutoff?",
          },
          {
            start: 159,
            end: 184,
            speaker: "Nadia Oyelaran",
            text: "For most people, I suggest no caffeine within eight to ten hours of bedtime, so if you sleep at eleven, your last coffee is somewhere around one p.m. People are often surprised, because they fall asleep fine after an afternoon coffee. But falling asleep isn't the measure. In the lab, caffeine late in the day reduces deep sleep even when people don't notice any difference.",
          },
          {
            start: 184,
            end: 199,
            speaker: "Theo Marchetti",
            text: "That's the sneaky part. You don't feel the cost.",
          },
          {
            start: 199,
            end: 214,
            speaker: "Nadia Oyelaran",
            text: "Exactly. You feel it the next afternoon, and you treat it with more coffee. It's a very neat little loop.",
          },
          {
            start: 215,
            end: 230,
            speaker: "Theo Marchetti",
            text: "Let's take a quick break. Compound Hours is supported by Restwell Labs, makers of the Lumen sunrise lamp, which gradually brightens your bedroom over thirty minutes before your alarm. Listeners get fifteen percent off at restwell dot example slash hours.",
          },
          {
            start: 430,
            end: 445,
            speaker: "Theo Marchetti",
            text: "Nadia, if caffeine isn't the answer after lunch, what is?",
          },
          {
            start: 445,
            end: 464,
            speaker: "Nadia Oyelaran",
            text: "Light and movement are the two cheapest tools. A ten-minute walk outside in the early afternoon does two things: the movement raises alertness for a while, and daylight is far brighter than office lighting. Even an overcast day outdoors is often ten to fifty times brighter than a typical office.",
          },
          {
            start: 465,
            end: 480,
            speaker: "Theo Marchetti",
            text: "Ten to fifty times. I didn't realize the gap was that big.",
          },
          {
            start: 480,
            end: 503,
            speaker: "Nadia Oyelaran",
            text: "Most people don't, because your eyes adapt so well. Office lighting feels bright, but to your circadian system it's closer to dusk. That's also why morning light matters so much. Getting outside within an hour or so of waking helps anchor your rhythm, and people who do that consistently tend to feel sleepy at a more regular time at night.",
          },
          {
            start: 503,
            end: 518,
            speaker: "Theo Marchetti",
            text: "What about naps? I've heard both that they're great and that they ruin your night.",
          },
          {
            start: 519,
            end: 537,
            speaker: "Nadia Oyelaran",
            text: "Both can be true, and it comes down to length and timing. A nap of ten to twenty minutes before about three p.m. usually improves alertness without hurting night sleep. Longer than about thirty minutes and you risk waking from deep sleep, which is that groggy, worse-than-before feeling.",
          },
          {
            start: 537,
            end: 552,
            speaker: "Theo Marchetti",
            text: "There's a trick I've heard about, the coffee nap. Is that real?",
          },
          {
            start: 552,
            end: 570,
            speaker: "Nadia Oyelaran",
            text: "It has some support: you drink a coffee and immediately take a fifteen-minute nap. Caffeine takes roughly twenty minutes to kick in, so you wake up just as it arrives. It's useful for, say, a long drive, but I wouldn't build a daily routine around it.",
          },
          {
            start: 571,
            end: 586,
            speaker: "Theo Marchetti",
            text: "Let's zoom out. If you could change one sleep habit for the average office worker, what would it be?",
          },
          {
            start: 586,
            end: 608,
            speaker: "Nadia Oyelaran",
            text: "Regularity. Going to bed and waking up at roughly the same time, including weekends, matters more than most people think. In several large studies, irregular sleep timing is associated with worse health outcomes even when total sleep hours are similar. A two-hour weekend shift in wake time is basically giving yourself mild jet lag every Monday.",
          },
          {
            start: 608,
            end: 623,
            speaker: "Theo Marchetti",
            text: "Social jet lag. That explains a lot of Mondays.",
          },
          {
            start: 624,
            end: 639,
            speaker: "Nadia Oyelaran",
            text: "It really does. If you want to sleep in, I'd cap it at about an hour later than usual, and get outside in the morning light anyway.",
          },
          {
            start: 639,
            end: 654,
            speaker: "Theo Marchetti",
            text: "Nadia Oyelaran, thank you, this was genuinely useful.",
          },
          {
            start: 654,
            end: 669,
            speaker: "Nadia Oyelaran",
            text: "My pleasure. And go for that afternoon walk.",
          },
          {
            start: 670,
            end: 685,
            speaker: "Theo Marchetti",
            text: "Thanks for listening to Compound Hours. See you next week.",
          },
        ],
        insights: [
          {
            headline: "The 3 p.m. slump is circadian, so skipping lunch won't prevent it",
            body: "Dr. Nadia Oyelaran explains the afternoon dip as a circadian low arriving while sleep pressure is already high. A huge carbohydrate-heavy lunch can deepen it, but fasting participants in lab studies still show the dip, so skipping lunch mostly just adds hunger to tiredness.",
            quote:
              "A very large, high-carbohydrate lunch can deepen it, but people in lab studies who eat nothing still show the dip.",
            topics: ["health", "science"],
          },
          {
            headline: "Stop caffeine 8 to 10 hours before bed, even if you fall asleep fine",
            body: "With a half-life of around five to six hours, an afternoon coffee is still partly active at bedtime. Oyelaran notes that late caffeine reduces deep sleep even in people who notice no difficulty falling asleep, which sets up a loop of next-day fatigue treated with more coffee.",
            quote:
              "But falling asleep isn't the measure. In the lab, caffeine late in the day reduces deep sleep even when people don't notice any difference.",
            topics: ["health", "science", "productivity"],
          },
          {
            headline: "Beat the afternoon dip with a 10-minute outdoor walk instead of coffee",
            body: "Movement briefly raises alertness, and outdoor light dwarfs office lighting, which the circadian system reads as something close to dusk. Oyelaran recommends a short early-afternoon walk as the cheapest fix, plus morning daylight to anchor the daily rhythm.",
            quote:
              "Even an overcast day outdoors is often ten to fifty times brighter than a typical office.",
            topics: ["health", "productivity"],
          },
          {
            headline: "Keep naps to 10-20 minutes and take them before about 3 p.m.",
            body: "Short, early naps improve alertness without eating into night sleep. Naps longer than about half an hour risk waking from deep sleep and feeling worse than before, which is why length and timing decide whether a nap helps or hurts.",
            quote:
              "A nap of ten to twenty minutes before about three p.m. usually improves alertness without hurting night sleep.",
            topics: ["health", "science"],
          },
          {
            headline: "Keep weekend wake times within an hour to avoid Monday 'social jet lag'",
            body: "Oyelaran ranks sleep regularity as the single most valuable habit, since irregular timing is linked to worse health even when total hours are similar. Sleeping in two hours on weekends amounts to self-inflicted jet lag, so she suggests capping lie-ins at about an hour and still getting morning light.",
            quote:
              "A two-hour weekend shift in wake time is basically giving yourself mild jet lag every Monday.",
            topics: ["health", "science"],
          },
        ],
      },
      {
        guid: "compound-hours-ep-2",
        title: "Negotiate the Offer, Keep the Ledger, with Callum Petrakis",
        publishedDaysAgo: 0,
        durationSeconds: 780,
        description:
          "Former technical recruiter turned career coach Callum Petrakis on keeping a weekly career ledger, what to say when a verbal offer arrives, how to negotiate when base salary is capped, and why you should value early-stage startup options at zero.",
        segments: [
          {
            start: 0,
            end: 19,
            speaker: "Theo Marchetti",
            text: "Welcome to Compound Hours, I'm Theo Marchetti. Today is all about the moments that move your career and your finances the most, which usually means job offers and promotion conversations. My guest is Callum Petrakis, who spent nine years as a technical recruiter before becoming a career coach. Callum, welcome.",
          },
          {
            start: 19,
            end: 34,
            speaker: "Callum Petrakis",
            text: "Thanks, Theo. It's nice to be on the other side of the table for once.",
          },
          {
            start: 34,
            end: 49,
            speaker: "Theo Marchetti",
            text: "Let's start before the negotiation. You talk a lot about something you call a career ledger. What is it?",
          },
          {
            start: 50,
            end: 69,
            speaker: "Callum Petrakis",
            text: "It's a running document where you write down what you did and what changed because of it, every single week. Five minutes on Friday afternoon. Not tasks, outcomes. Not, worked on the billing migration, but, migrated forty percent of accounts to the new billing system with zero failed invoices.",
          },
          {
            start: 69,
            end: 84,
            speaker: "Theo Marchetti",
            text: "Why weekly? Why not just before review season?",
          },
          {
            start: 84,
            end: 103,
            speaker: "Callum Petrakis",
            text: "Because memory is terrible and recency bias is brutal. When people write their self-review from memory, they overweight the last six weeks and forget the project that saved the company money in February. I've had clients find three or four significant wins in their ledger that they'd completely forgotten about.",
          },
          {
            start: 104,
            end: 119,
            speaker: "Theo Marchetti",
            text: "And how does the ledger show up in practice?",
          },
          {
            start: 119,
            end: 142,
            speaker: "Callum Petrakis",
            text: "It's raw material for everything: your self-review, your promotion case, your resume, your answers in interviews. It also changes how you run one-on-ones with your manager, because you bring your own agenda, every time. If you let your manager drive the meeting, it becomes a status update, and you lose the one slot in the week designed for your growth.",
          },
          {
            start: 142,
            end: 157,
            speaker: "Theo Marchetti",
            text: "Okay, let's get to offers. Someone gets a verbal offer. What's the first thing they should do?",
          },
          {
            start: 158,
            end: 179,
            speaker: "Callum Petrakis",
            text: "Say thank you, say you're excited, and don't accept or negotiate on the call. Ask for the full offer in writing, including base, bonus, equity, and the vesting schedule. Then ask for a few days. Almost every company expects that, and I've never once seen an offer withdrawn because someone asked for forty-eight hours.",
          },
          {
            start: 179,
            end: 194,
            speaker: "Theo Marchetti",
            text: "And when you do negotiate, how much should you ask for?",
          },
          {
            start: 194,
            end: 215,
            speaker: "Callum Petrakis",
            text: "Be specific, and justify it with data rather than need. A precise number like one hundred and forty-two thousand tends to get a smaller counter-cut than a round one hundred and forty, because it sounds researched. And never say what you need to pay your rent. The company is pricing the role, not your budget.",
          },
          {
            start: 216,
            end: 231,
            speaker: "Theo Marchetti",
            text: "What if the base salary really is capped?",
          },
          {
            start: 231,
            end: 251,
            speaker: "Callum Petrakis",
            text: "Then you negotiate the things around it. Sign-on bonus, an earlier compensation review at six months instead of twelve, extra equity, a title, a remote arrangement. Recruiters often have a lot more room on one-time costs like a sign-on bonus than on base salary, because base compounds every year in their budget.",
          },
          {
            start: 251,
            end: 266,
            speaker: "Theo Marchetti",
            text: "Let's take a quick break. This episode of Compound Hours is brought to you by Penwright, the budgeting app that splits every paycheck into buckets automatically the day it lands. Try it free for sixty days at penwright dot example.",
          },
          {
            start: 447,
            end: 462,
            speaker: "Theo Marchetti",
            text: "We're back. Callum, I want to talk about equity, because I think a lot of people get confused by it.",
          },
          {
            start: 462,
            end: 489,
            speaker: "Callum Petrakis",
            text: "The most common mistake is valuing startup options at the number on the offer letter. For a typical early-stage company, I tell clients to value their options at zero for the purpose of deciding whether they can afford the job. If the salary works without the equity, great, the equity is upside. If you need the equity to pay off to make the job worth it, that's a gamble, not compensation.",
          },
          {
            start: 489,
            end: 504,
            speaker: "Theo Marchetti",
            text: "That's a pretty conservative view.",
          },
          {
            start: 505,
            end: 526,
            speaker: "Callum Petrakis",
            text: "It's deliberately conservative. Most options at early-stage companies end up worth far less than people expect, because of dilution, liquidation preferences, or the company just not making it. And there's the exercise cost. If you leave, you may have ninety days to pay to exercise your options, sometimes tens of thousands of dollars, plus taxes.",
          },
          {
            start: 526,
            end: 541,
            speaker: "Theo Marchetti",
            text: "So what should people ask about?",
          },
          {
            start: 541,
            end: 560,
            speaker: "Callum Petrakis",
            text: "Four questions. How many shares are outstanding, so you know what percentage you actually own, and what was the last preferred price. What's the exercise window after you leave, and is there any early-exercise option? If a company won't tell you the total shares outstanding, that alone tells you something.",
          },
          {
            start: 561,
            end: 576,
            speaker: "Theo Marchetti",
            text: "Let's talk about the money side of switching jobs more broadly. What should people have in place before they make a move?",
          },
          {
            start: 576,
            end: 598,
            speaker: "Callum Petrakis",
            text: "Runway. I tell people to have at least three months of essential expenses in cash before they quit anything, and six if they're moving to a startup. Not because the new job will fail, but because negotiating from fear is terrible negotiating. When you can afford to walk away, you ask for more, and you get more.",
          },
          {
            start: 598,
            end: 613,
            speaker: "Theo Marchetti",
            text: "That's a nice link between personal finance and negotiation.",
          },
          {
            start: 614,
            end: 629,
            speaker: "Callum Petrakis",
            text: "They're the same skill, really. Your savings are your leverage. Someone with six months of runway will push back on a lowball offer. Someone with two weeks of runway will take it and resent it for two years.",
          },
          {
            start: 629,
            end: 644,
            speaker: "Theo Marchetti",
            text: "Callum, last question. What's one thing a listener could do this week?",
          },
          {
            start: 644,
            end: 660,
            speaker: "Callum Petrakis",
            text: "Open a blank document, call it your ledger, and write down three things you accomplished in the last month, with numbers. Then put a fifteen-minute calendar reminder on Friday afternoons. In a year, you'll have the best promotion case you've ever written.",
          },
          {
            start: 661,
            end: 676,
            speaker: "Theo Marchetti",
            text: "Callum Petrakis, thank you. And thanks to everyone for listening to Compound Hours.",
          },
        ],
        insights: [
          {
            headline: "Log weekly outcomes, not tasks, in a career ledger to beat recency bias",
            body: "Callum Petrakis recommends five minutes every Friday recording what changed because of your work, with numbers. Self-reviews written from memory overweight recent weeks, and his clients routinely rediscover significant wins they had forgotten when they consult their ledger.",
            quote:
              "When people write their self-review from memory, they overweight the last six weeks and forget the project that saved the company money in February.",
            topics: ["careers", "productivity", "writing"],
          },
          {
            headline: "Bring your own agenda to one-on-ones or they turn into status updates",
            body: "Petrakis argues the one-on-one is the only recurring slot built around an employee's growth, and it gets lost when the manager drives it. Arriving with your own topics, drawn from your career ledger, keeps the meeting about development rather than progress reporting.",
            quote:
              "If you let your manager drive the meeting, it becomes a status update, and you lose the one slot in the week designed for your growth.",
            topics: ["careers", "management"],
          },
          {
            headline: "Counter with a precise, researched number and never cite personal need",
            body: "A specific figure signals research and tends to be cut less than a round one. Petrakis warns against mentioning rent or expenses, because employers price the role against the market, not against the candidate's budget.",
            quote:
              "And never say what you need to pay your rent. The company is pricing the role, not your budget.",
            topics: ["negotiation", "careers"],
          },
          {
            headline: "When base salary is capped, negotiate a sign-on bonus or earlier review",
            body: "Base pay compounds in an employer's budget every year, so recruiters usually have more flexibility on one-time costs. Petrakis suggests shifting the negotiation to a sign-on bonus, extra equity, a title, or a compensation review at six months instead of twelve.",
            quote:
              "Recruiters often have a lot more room on one-time costs like a sign-on bonus than on base salary, because base compounds every year in their budget.",
            topics: ["negotiation", "personal-finance"],
          },
          {
            headline:
              "Value early-stage startup options at zero when deciding if you can afford a job",
            body: "Dilution, liquidation preferences, company failure and exercise costs mean most early-stage options are worth far less than the offer letter implies. Petrakis advises that the salary alone must make the job work, treating equity as upside, and asking about shares outstanding and the post-departure exercise window.",
            quote:
              "If you need the equity to pay off to make the job worth it, that's a gamble, not compensation.",
            topics: ["personal-finance", "investing", "startups"],
          },
          {
            headline: "Build three to six months of runway before a job move to negotiate harder",
            body: "Petrakis ties personal finance directly to negotiating power: savings are leverage. Candidates who can afford to walk away push back on lowball offers and get more, while those with little runway accept poor terms out of fear, so he recommends three months of essential expenses, or six before joining a startup.",
            quote: "When you can afford to walk away, you ask for more, and you get more.",
            topics: ["personal-finance", "negotiation", "careers"],
          },
        ],
      },
    ],
  },
];
