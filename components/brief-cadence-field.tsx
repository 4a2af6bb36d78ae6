import { inputClass } from "@/components/ui";
import { CADENCE_CHOICES, WEEKDAYS } from "@/lib/brief/cadence-labels";

// How often the brief goes out: a radio group (Daily / Weekdays / Weekly) and the weekly brief's
// day. Plain inputs, so the form works without JavaScript: /settings and the email's
// "Change how often" page both use it.

type Props = {
  cadence: string;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  /** The id of the form the inputs belong to, when they sit outside it. */
  form?: string;
};

export function BriefCadenceField({ cadence, weekday, form }: Props) {
  return (
    <fieldset>
      <legend className="block text-sm font-medium">How often</legend>
      <div className="mt-2 space-y-2">
        {CADENCE_CHOICES.map((choice) => (
          <div key={choice.value} className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <label className="flex cursor-pointer items-start gap-2 text-sm">
              <input
                type="radio"
                name="briefCadence"
                value={choice.value}
                form={form}
                defaultChecked={cadence === choice.value}
                aria-describedby={`cadence-${choice.value}-hint`}
                className="mt-0.5 size-4 accent-amber-600"
              />
              <span>
                <span className="font-medium">{choice.label}</span>{" "}
                <span
                  id={`cadence-${choice.value}-hint`}
                  className="text-stone-600 dark:text-stone-300"
                >
                  {choice.hint}
                </span>
              </span>
            </label>
            {choice.value === "weekly" ? (
              <span className="flex items-center gap-2 pl-6 text-sm">
                <label htmlFor="briefWeekday">
                  <span className="sr-only">Weekly brief </span>on
                </label>
                <span className="inline-block w-40">
                  <select
                    id="briefWeekday"
                    name="briefWeekday"
                    form={form}
                    defaultValue={weekday}
                    className={inputClass}
                  >
                    {WEEKDAYS.map((day, n) => (
                      <option key={day} value={n}>
                        {day}
                      </option>
                    ))}
                  </select>
                </span>
              </span>
            ) : null}
          </div>
        ))}
      </div>
    </fieldset>
  );
}
