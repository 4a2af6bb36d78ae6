// GET /saved/export/[format] — the signed-in reader's library as a download
import { EXPORT_FORMATS, type ExportFormat, exportFile } from "@/lib/export/library";
import { currentReader } from "@/lib/session";

export async function GET(_request: Request, { params }: { params: Promise<{ format: string }> }) {
  const reader = await currentReader();
  if (!reader) return new Response("Sign in to export your library.", { status: 401 });
  const { format } = await params;
  if (!EXPORT_FORMATS.includes(format as ExportFormat)) {
    return new Response(`Unknown format. Use one of: ${EXPORT_FORMATS.join(", ")}.`, {
      status: 404,
    });
  }
  const file = await exportFile({ userId: reader.id, format: format as ExportFormat });
  return new Response(file.body, {
    headers: {
      "content-type": file.type,
      "content-disposition": `attachment; filename="${file.fileName}"`,
      "cache-control": "private, no-store",
    },
  });
}
