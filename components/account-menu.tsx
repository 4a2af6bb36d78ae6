"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import Link from "next/link";

// The signed-in reader's menu. Radix gives it keyboard use and focus handling; without
// JavaScript the same links and sign-out are on /settings.

const itemClass =
  "block cursor-pointer rounded-md px-3 py-2 text-sm text-stone-800 outline-none data-[highlighted]:bg-amber-100 data-[highlighted]:text-stone-950 dark:text-stone-100 dark:data-[highlighted]:bg-stone-700";

export function AccountMenu({
  email,
  signOutAction,
}: {
  email: string | null;
  signOutAction: () => Promise<void>;
}) {
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger
        className="rounded-full border border-stone-300 px-3 py-1.5 text-sm font-medium hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-amber-600 dark:border-stone-700 dark:hover:bg-stone-800"
        aria-label="Account menu"
      >
        Account ▾
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={6}
          className="z-50 min-w-52 rounded-xl border border-stone-200 bg-white p-1 shadow-lg dark:border-stone-700 dark:bg-stone-900"
        >
          {email ? (
            <DropdownMenu.Label className="truncate px-3 py-2 text-xs text-stone-600 dark:text-stone-300">
              {email}
            </DropdownMenu.Label>
          ) : null}
          <DropdownMenu.Item asChild>
            <Link href="/saved" className={itemClass}>
              Saved
            </Link>
          </DropdownMenu.Item>
          <DropdownMenu.Item asChild>
            <Link href="/tags" className={itemClass}>
              Tags
            </Link>
          </DropdownMenu.Item>
          <DropdownMenu.Item asChild>
            <Link href="/settings" className={itemClass}>
              Settings
            </Link>
          </DropdownMenu.Item>
          <DropdownMenu.Separator className="my-1 h-px bg-stone-200 dark:bg-stone-700" />
          <form action={signOutAction}>
            <DropdownMenu.Item asChild>
              <button type="submit" className={`${itemClass} w-full text-left`}>
                Sign out
              </button>
            </DropdownMenu.Item>
          </form>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
