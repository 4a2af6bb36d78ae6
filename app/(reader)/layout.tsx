export { WithReaderHeader as default } from "@/components/reader-header";
