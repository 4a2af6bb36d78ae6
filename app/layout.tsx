import type { Metadata } from "next";
import localFont from "next/font/local";
import { PlayerProvider } from "@/components/player/player";
import "./globals.css";

// Bundled from @fontsource-variable/inter: a Google-hosted font would need the network at build time.
const inter = localFont({
  src: "../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
  variable: "--font-inter",
  display: "swap",
});

export const metadata: Metadata = {
  title: { default: "Podbrief: your free personalized podcast brief", template: "%s · Podbrief" },
  description:
    "We scan new podcasts and send you the top 5 insights daily: grounded takeaways with the quote and the moment they come from.",
};

// No session is read here: the header is in each group's layout, so the public pages under
// app/public can be rendered once and served from the cache to every signed-out visitor.
export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" className={inter.variable}>
      <body className="min-h-dvh bg-stone-50 font-sans text-stone-900 antialiased dark:bg-stone-950 dark:text-stone-100">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 dark:focus:bg-stone-900"
        >
          Skip to content
        </a>
        {/* The one audio player: here, so it keeps playing across pages. */}
        <PlayerProvider>{children}</PlayerProvider>
      </body>
    </html>
  );
}
