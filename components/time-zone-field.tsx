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
    if (prefill && select.current && zones.includes(browserZone)) {
      select.current.value = browserZone;
    }
  }, [prefill, zones]);
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
