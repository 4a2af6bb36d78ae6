import Link from "next/link";
import {
  dismissForm,
  lessLikeThisForm,
  moreLikeThisForm,
  saveForm,
  unsaveForm,
} from "@/app/actions/reader";

// The buttons under a card: one form, whose action saves or unsaves, and a button per feedback
// with an action of its own (formAction). It works without JavaScript; with it, React submits
// the same form as an action.

// The card-button classes are in app/globals.css: written once there, not on every card.

export function CardActions({
  insightId,
  saved,
  signedIn,
  next,
  feedback = true,
}: {
  insightId: string;
  saved: boolean;
  signedIn: boolean;
  /** The page to come back to. */
  next: string;
  feedback?: boolean;
}) {
  if (!signedIn) {
    return (
      <div className="mt-3 text-sm">
        <Link
          href={`/signin?${new URLSearchParams({ callbackUrl: next })}`}
          data-action="save"
          className="card-button card-button-save"
        >
          Sign in to save
        </Link>
      </div>
    );
  }
  return (
    <form action={saved ? unsaveForm : saveForm} className="mt-3 flex flex-wrap items-center gap-1">
      <input type="hidden" name="insightId" value={insightId} />
      <input type="hidden" name="next" value={next} />
      <button
        type="submit"
        data-action="save"
        aria-pressed={saved}
        className={`card-button ${saved ? "card-button-saved" : "card-button-save"}`}
      >
        {saved ? "★ Saved" : "☆ Save"}
      </button>
      {feedback ? (
        <>
          <button type="submit" formAction={moreLikeThisForm} className="card-button">
            More like this
          </button>
          <button type="submit" formAction={lessLikeThisForm} className="card-button">
            Less like this
          </button>
          <button type="submit" formAction={dismissForm} className="card-button">
            Dismiss
          </button>
        </>
      ) : null}
    </form>
  );
}
