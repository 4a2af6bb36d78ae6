import type { Metadata } from "next";
import localFont from "next/font/local";
import { SiteHeader } from "@/components/site-header";
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

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" className={inter.variable}>
      <body className="min-h-dvh bg-stone-50 font-sans text-stone-900 antialiased dark:bg-stone-950 dark:text-stone-100">
        <SiteHeader />
        {children}
      </body>
    </html>
  );
}
