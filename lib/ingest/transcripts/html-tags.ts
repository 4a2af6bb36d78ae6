import { Tokenizer } from "htmlparser2";

// An HTML page as a flat run of text and tags, read by htmlparser2's tokenizer (entities decoded
// as a browser decodes them). No tree: which tag ends which paragraph is the transcript reader's
// business, and a parser's element stack costs quadratic time on a stranger's page of unclosed
// tags. Every tag is read as markup, even inside <title> or <script>: a page that never closes
// its <title> still shows its body.

export type Tag = {
  name: string;
  closing: boolean;
  selfClosing: boolean;
  attributes: ReadonlyMap<string, string>;
};

export type TagSink = { text(text: string): void; tag(tag: Tag): void };

const NO_ATTRIBUTES: ReadonlyMap<string, string> = new Map();

export function readTags(body: string, sink: TagSink): void {
  let name = "";
  let attributes = new Map<string, string>();
  let attribute = "";
  let value = "";
  const open = (selfClosing: boolean) =>
    sink.tag({ name, closing: false, selfClosing, attributes });
  const nameAt = (start: number, end: number) => body.slice(start, end).toLowerCase();

  const tokenizer = new Tokenizer(
    { decodeEntities: true },
    {
      ontext: (start, end) => sink.text(body.slice(start, end)),
      ontextentity: (codePoint) => sink.text(String.fromCodePoint(codePoint)),
      oncdata: (start, end, endOffset) => sink.text(body.slice(start, end - endOffset)),
      onopentagname: (start, end) => {
        name = nameAt(start, end);
        attributes = new Map();
      },
      onattribname: (start, end) => {
        attribute = nameAt(start, end);
        value = "";
      },
      onattribdata: (start, end) => {
        value += body.slice(start, end);
      },
      onattribentity: (codePoint) => {
        value += String.fromCodePoint(codePoint);
      },
      // A repeated attribute keeps its first value, as in a browser.
      onattribend: () => {
        if (!attributes.has(attribute)) attributes.set(attribute, value);
      },
      onopentagend: () => open(false),
      onselfclosingtag: () => open(true),
      onclosetag: (start, end) =>
        sink.tag({
          name: nameAt(start, end),
          closing: true,
          selfClosing: false,
          attributes: NO_ATTRIBUTES,
        }),
      oncomment: () => {},
      ondeclaration: () => {},
      onprocessinginstruction: () => {},
      onend: () => {},
      // The tokenizer asks this before it reads an element's content as raw text (script, style,
      // title, textarea …): "yes" keeps it reading tags there.
      isInForeignContext: () => true,
    },
  );
  tokenizer.write(body);
  tokenizer.end();
}
