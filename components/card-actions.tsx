import Link from "next/link";

// The buttons under a card. One form with a submit button per intent, so it works without
// JavaScript; with it, React submits the same form as an action.

// The card-button classes are in app/globals.css: written once there, not on every card.

export function CardActions({
  insightId,
  saved,
  signedIn,
  next,
  action,
  feedback = true,
}: {
  insightId: string;
  saved: boolean;
  signedIn: boolean;
  /** The page to come back to. */
  next: string;
  action: (form: FormData) => Promise<void>;
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
    <form action={action} className="mt-3 flex flex-wrap items-center gap-1">
      <input type="hidden" name="insightId" value={insightId} />
      <input type="hidden" name="next" value={next} />
      <button
        type="submit"
        name="intent"
        value={saved ? "unsave" : "save"}
        data-action="save"
        aria-pressed={saved}
        className={`card-button ${saved ? "card-button-saved" : "card-button-save"}`}
      >
        {saved ? "★ Saved" : "☆ Save"}
      </button>
      {feedback ? (
        <>
          <button type="submit" name="intent" value="more" className="card-button">
            More like this
          </button>
          <button type="submit" name="intent" value="less" className="card-button">
            Less like this
          </button>
          <button type="submit" name="intent" value="dismiss" className="card-button">
            Dismiss
          </button>
        </>
      ) : null}
    </form>
  );
}
