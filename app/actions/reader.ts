"use server";

import { forgetNewToken, rememberNewToken } from "@/app/actions/new-token";
import { readerForm } from "@/app/actions/reader-form";
import { feedbackAction } from "@/lib/actions/feedback";
import {
  addTagAction,
  createTagAction,
  deleteTagAction,
  noteAction,
  removeTagAction,
  renameTagAction,
  saveAction,
  unsaveAction,
} from "@/lib/actions/library";
import {
  addShowAction,
  followAction,
  followTopicAction,
  resetFeedTokenAction,
  saveSettingsAction,
} from "@/lib/actions/profile";
import { createTokenAction, revokeTokenAction } from "@/lib/actions/tokens";
import { withFlash } from "@/lib/flash";

// The reader's forms, one server action each, bound directly as <form action={…}>.

// The buttons on an insight card. Back to the page as the reader left it (the feed's keep=1
// holds its order).
export const saveForm = readerForm(saveAction, { back: "/feed" });
export const unsaveForm = readerForm(unsaveAction, { back: "/feed" });
export const moreLikeThisForm = readerForm(feedbackAction, {
  back: "/feed",
  fields: { kind: "more" },
});
export const lessLikeThisForm = readerForm(feedbackAction, {
  back: "/feed",
  fields: { kind: "less" },
});
export const dismissForm = readerForm(feedbackAction, {
  back: "/feed",
  fields: { kind: "dismiss" },
});

// Tags and notes on a saved insight, and the tags page.
export const addTagForm = readerForm(addTagAction, { back: "/saved" });
export const removeTagForm = readerForm(removeTagAction, { back: "/saved" });
export const noteForm = readerForm(noteAction, { back: "/saved" });
export const createTagForm = readerForm(createTagAction, { back: "/saved" });
export const renameTagForm = readerForm(renameTagAction, { back: "/saved" });
export const deleteTagForm = readerForm(deleteTagAction, { back: "/saved" });

/** The onboarding and settings form: saves, then goes on to the feed or back saying so. */
export const saveSettingsForm = readerForm(saveSettingsAction, {
  back: "/settings",
  done: (back, form) => (form.get("onboarding") ? "/feed" : withFlash(back, "saved", "1")),
});

/** Adds a show by its feed address and follows it; the page says it is queued. */
export const addShowForm = readerForm(addShowAction, {
  back: "/settings",
  done: (back) => withFlash(back, "saved", "show-queued"),
});

/** Follow / unfollow buttons in the shows list. */
export const followForm = readerForm(followAction, { back: "/settings", done: "stay" });

/** Follow / unfollow on a topic's page (/topics/[slug]), back to that page. */
export const followTopicForm = readerForm(followTopicAction, { back: "/feed" });

/** "Make a new private feed address" on /saved. */
export const resetFeedTokenForm = readerForm(resetFeedTokenAction, {
  back: "/saved",
  done: "stay",
});

/** "Make a token" on /settings: the page shows its secret once (app/actions/new-token). */
export const createTokenForm = readerForm(createTokenAction, {
  back: "/settings",
  after: rememberNewToken,
  done: (back) => `${withFlash(back, "saved", "token-made")}#api-tokens`,
});

/** "Revoke" beside a token on /settings. */
export const revokeTokenForm = readerForm(revokeTokenAction, {
  back: "/settings",
  after: forgetNewToken,
  done: (back) => `${withFlash(back, "saved", "token-revoked")}#api-tokens`,
});
