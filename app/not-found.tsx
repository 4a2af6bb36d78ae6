import { NotFoundMessage } from "@/components/not-found-message";
import { ReaderHeader } from "@/components/reader-header";

export default function NotFound() {
  return (
    <>
      <ReaderHeader />
      <NotFoundMessage />
    </>
  );
}
