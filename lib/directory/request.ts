import { DirectoryError } from "./types";

// One GET to a directory: a timeout, and every failure turned into a DirectoryError in words.

export async function getJson(
  url: URL,
  {
    headers = {},
    timeoutMs,
    name,
  }: { headers?: Record<string, string>; timeoutMs: number; name: string },
): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { accept: "application/json", ...headers },
      signal: AbortSignal.timeout(timeoutMs),
      redirect: "follow",
    });
  } catch (error) {
    if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) {
      throw new DirectoryError("slow", `${name} took too long to answer.`);
    }
    throw new DirectoryError("down", `${name} could not be reached.`);
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => {});
    throw new DirectoryError(
      "down",
      `${name} is not answering right now (error ${response.status}).`,
    );
  }
  try {
    return await response.json();
  } catch (error) {
    if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) {
      throw new DirectoryError("slow", `${name} took too long to answer.`);
    }
    throw new DirectoryError(
      "junk",
      `${name} answered with something that is not a search result.`,
    );
  }
}
