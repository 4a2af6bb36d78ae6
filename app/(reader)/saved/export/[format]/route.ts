// GET /saved/export/[format] — the signed-in reader's library as a download
import { z } from "zod";
import { withReader } from "@/app/api/with-reader";
import { AppError } from "@/lib/errors";
import { EXPORT_FORMATS, type ExportFormat, exportFile } from "@/lib/export/library";

const isFormat = (format: string): format is ExportFormat =>
  (EXPORT_FORMATS as readonly string[]).includes(format);

export const GET = withReader(
  { params: z.object({ format: z.string() }) },
  async ({ reader, params: { format } }) => {
    if (!isFormat(format)) {
      throw new AppError(
        "not_found:format",
        `Unknown format. Use one of: ${EXPORT_FORMATS.join(", ")}.`,
      );
    }
    const file = await exportFile({ userId: reader.id, format });
    return new Response(file.body, {
      headers: {
        "content-type": file.type,
        "content-disposition": `attachment; filename="${file.fileName}"`,
        "cache-control": "private, no-store",
      },
    });
  },
);
