import { signOutForm } from "@/app/actions/auth";
import { SiteHeader } from "@/components/site-header";
import { currentReader } from "@/lib/session";

/** The site header for whoever is asking: reads the session, so the page it is on is per reader. */
export async function ReaderHeader() {
  return <SiteHeader reader={await currentReader()} signOutAction={signOutForm} />;
}

/** The header a signed-out visitor sees, for pages served from the cache to everyone. */
export function PublicHeader() {
  return <SiteHeader reader={null} signOutAction={signOutForm} />;
}

/** The layout of every route group rendered per request: the reader's header above the page. */
export function WithReaderHeader({ children }: { children: React.ReactNode }) {
  return (
    <>
      <ReaderHeader />
      {children}
    </>
  );
}
