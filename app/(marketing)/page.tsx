import { connection } from "next/server";
import { Landing } from "@/app/_views/landing";

// A signed-out visit is rewritten by proxy.ts to /public, served from the cache; a reader gets
// this page, with their own header.
export default async function LandingPage() {
  await connection();
  return <Landing />;
}
