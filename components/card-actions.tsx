import Link from "next/link";

// The buttons under a card. One form with a submit button per intent, so it works without
// JavaScript; with it, React submits the same form as an action.

const button =
  "rounded-full px-2.5 py-1 text-sm text-stone-700 hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-amber-600 dark:text-stone-200 dark:hover:bg-stone-800";

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
          className={`${button} border border-stone-300 dark:border-stone-700`}
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
        className={`${button} border font-medium ${
          saved
            ? "border-amber-600 bg-amber-50 text-amber-900 dark:border-amber-500 dark:bg-amber-950 dark:text-amber-100"
            : "border-stone-300 dark:border-stone-700"
        }`}
      >
        {saved ? "★ Saved" : "☆ Save"}
      </button>
      {feedback ? (
        <>
          <button type="submit" name="intent" value="more" className={button}>
            More like this
          </button>
          <button type="submit" name="intent" value="less" className={button}>
            Less like this
          </button>
          <button type="submit" name="intent" value="dismiss" className={button}>
            Dismiss
          </button>
        </>
      ) : null}
    </form>
  );
}
