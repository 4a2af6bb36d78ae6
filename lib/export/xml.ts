import { XMLBuilder } from "fast-xml-parser";

// RSS and OPML are written by fast-xml-parser's builder, which escapes text and attributes.
// Objects describe elements: "@_name" keys are attributes, "#text" an element's text, arrays
// repeated elements.

// XML 1.0 allows tab, LF, CR and U+0020 up, minus surrogates and U+FFFE/U+FFFF; one stray
// control character from a feed would make the whole document unreadable.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const xmlChars = (_name: string, value: unknown) =>
  typeof value === "string" ? value.replace(NOT_XML_CHAR, "") : value;

const options = {
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  // By default an attribute whose value is "true" loses its value, which XML does not allow.
  suppressBooleanAttributes: false,
  suppressEmptyNode: true,
  tagValueProcessor: xmlChars,
  attributeValueProcessor: xmlChars,
};
const documentBuilder = new XMLBuilder({ ...options, format: true });
const fragmentBuilder = new XMLBuilder(options);

export type XmlNode = { [name: string]: string | XmlNode | (string | XmlNode)[] | undefined };

/** A UTF-8 XML document of one root element, one element a line. */
export function xmlDocument(root: XmlNode): string {
  return documentBuilder.build({ "?xml": { "@_version": "1.0", "@_encoding": "UTF-8" }, ...root });
}

/** Elements on one line, without a declaration: the HTML inside an RSS description. */
export function xmlFragment(nodes: XmlNode): string {
  return fragmentBuilder.build(nodes);
}
