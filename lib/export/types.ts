import type { ExportRow } from "@/db/queries/library";

/** One insight a reader saved, flattened with everything an export needs. */
export type SavedInsight = ExportRow & {
  /** Absolute URL of the insight page on our site. */
  insightUrl: string;
};
