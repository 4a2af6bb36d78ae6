"use client";

import { useEffect, useRef } from "react";

// The time zone select, set to the browser's zone when the reader has not chosen one yet.

export function TimeZoneField({
  zones,
  value,
  prefill,
  className,
}: {
  zones: string[];
  value: string;
  prefill: boolean;
  className: string;
}) {
  const select = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const field = select.current;
    if (!prefill || !field || !browserZone) return;
    // The browser may name its zone by a newer or older alias than the server's list has
    // (Asia/Kolkata, Asia/Calcutta): offer it as it is; the server accepts every IANA name.
    if (![...field.options].some((option) => option.value === browserZone)) {
      field.add(new Option(browserZone.replaceAll("_", " "), browserZone), 0);
    }
    field.value = browserZone;
  }, [prefill]);
  return (
    <select
      ref={select}
      id="timeZone"
      name="timeZone"
      form="settings"
      defaultValue={value}
      className={className}
    >
      {zones.map((zone) => (
        <option key={zone} value={zone}>
          {zone.replaceAll("_", " ")}
        </option>
      ))}
    </select>
  );
}
