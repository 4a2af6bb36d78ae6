import { PublicHeader } from "@/components/reader-header";

// The pages a signed-out visitor sees at /, /feed and /insights/[id] (proxy.ts rewrites them
// here). They read no session, cookie or header, so Next renders each once and serves it from
// its cache to everyone: until a run that stores insights revalidates them (lib/public-pages.ts),
// or after five minutes at most, which keeps "this week" honest when insights come from a CLI run.
export const revalidate = 300;

export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <PublicHeader />
      {children}
    </>
  );
}
