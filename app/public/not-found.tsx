import { NotFoundMessage } from "@/components/not-found-message";

export default function PublicNotFound() {
  return <NotFoundMessage />;
}
