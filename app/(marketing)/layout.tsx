import { ReaderHeader } from "@/components/reader-header";

export default function Layout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <ReaderHeader />
      {children}
    </>
  );
}
